/** A stream the CLI writes to. @public */
export interface OutputStream {
  write(text: string): unknown;
  /** True on a terminal: tables and progress bars are drawn for people. */
  readonly isTTY?: boolean;
}

/** A stream the CLI reads from (passwords). @public */
export type InputStream = NodeJS.ReadableStream & {
  readonly isTTY?: boolean;
  /** On a terminal: characters one by one, not echoed (for a password). */
  setRawMode?(mode: boolean): unknown;
};

/**
 * Where the CLI reads and writes, and its environment — the process's own in `ecloud`, anything in a
 * program that runs it (see {@link run}).
 * @public
 */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: InputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams and environment. @internal */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}
