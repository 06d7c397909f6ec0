import { EcloudClient } from '@ecloud/client';
import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { readConfig } from './config/config-file.js';
import { Output } from './output/output.js';
import { UsageError } from './usage-error.js';

/** The server when nothing else names one: the reference server's default address. @internal */
export const DEFAULT_SERVER = 'http://127.0.0.1:8080';

/** The options every command takes. @internal */
export interface GlobalOptions {
  readonly server?: string;
  readonly json?: boolean;
}

/** What a command runs with: where to write, and how to stop (Ctrl-C aborts `signal`). @internal */
export interface CommandContext {
  readonly io: CliIo;
  readonly signal: AbortSignal;
}

/** A command's client, logged in, and its output. @internal */
export interface Session {
  readonly client: EcloudClient;
  readonly output: Output;
}

/** The global options as `command` sees them. @internal */
export function globalsOf(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** The output of `command`: JSON with `--json`, else tables. @internal */
export function outputOf(context: CommandContext, command: Command): Output {
  return new Output(context.io, globalsOf(command).json === true);
}

/**
 * The server to talk to: `--server`, else `$ECLOUD_SERVER`, else the one logged in to, else
 * {@link DEFAULT_SERVER}.
 * @internal
 */
export function serverOf(globals: GlobalOptions, io: CliIo, saved: string | undefined): string {
  // Without a trailing slash, so `http://h:8080/` and `http://h:8080` are one server and share a login.
  return (globals.server ?? io.env.ECLOUD_SERVER ?? saved ?? DEFAULT_SERVER).replace(/\/+$/, '');
}

/**
 * A client for `command`, with the token of `ecloud login` (or `$ECLOUD_TOKEN`, for scripts that keep
 * no configuration). A token saved for another server is not sent to this one.
 * @internal
 */
export async function sessionOf(context: CommandContext, command: Command): Promise<Session> {
  const globals = globalsOf(command);
  const saved = await readConfig(context.io.env);
  const server = serverOf(globals, context.io, saved?.server);
  const token = context.io.env.ECLOUD_TOKEN ?? (saved?.server === server ? saved.token : undefined);
  if (token === undefined) {
    throw new UsageError(`not logged in to ${server}: run \`ecloud login --server ${server}\``);
  }
  return {
    client: new EcloudClient({ baseUrl: server, token, userAgent: 'ecloud-cli' }),
    output: outputOf(context, command),
  };
}
