import { EcloudApiError } from '@ecloud/client';
import { CommanderError } from 'commander';
import { type CliIo, processIo } from './cli-io.js';
import { EXIT_CODES, type ExitCode, exitCodeOf } from './exit-codes.js';
import { buildProgram } from './program.js';

/**
 * Runs `ecloud` with `args` (the words after the program name) and answers its exit code; nothing
 * exits the process. Ctrl-C (SIGINT) aborts what is running — a wait stops, the job goes on — and the
 * exit code is 5.
 * @public
 */
export async function run(args: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort(new Error('interrupted (Ctrl-C)'));
  process.once('SIGINT', onSigint);
  try {
    await buildProgram({ io, signal: interrupt.signal }).parseAsync([...args], { from: 'user' });
    return EXIT_CODES.ok;
  } catch (error) {
    // Commander has printed its own message (or the help, or the version) already.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    io.stderr.write(`${describe(error)}\n`);
    return exitCodeOf(error);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/** An error for people: the problem's detail and code, and each field the server named. */
function describe(error: unknown): string {
  if (!(error instanceof EcloudApiError))
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  const where = error.status === 0 ? error.code : `${error.code}, HTTP ${error.status}`;
  const issues = Array.isArray(error.details.issues) ? error.details.issues : [];
  const lines = issues.map(
    (issue: { path?: unknown; message?: unknown }) => `  ${String(issue.path)}: ${String(issue.message)}`,
  );
  return [`error: ${error.detail} (${where})`, ...lines].join('\n');
}
