import { EcloudClient } from '@ecloud/client';
import type { Command } from 'commander';
import { readConfig, writeConfig } from '../config/config-file.js';
import { promptSecret, readAll } from '../prompt/read-secret.js';
import { type CommandContext, globalsOf, outputOf, serverOf } from '../session.js';
import { UsageError } from '../usage-error.js';

interface LoginOptions {
  readonly username: string;
  readonly passwordStdin?: boolean;
  readonly directory?: string;
}

/**
 * `ecloud login`: logs in and keeps the server and the token in the configuration file (0600) — never
 * the password.
 * @internal
 */
export function registerLoginCommand(program: Command, context: CommandContext): void {
  program
    .command('login')
    .description('log in and keep the token for the next commands ($XDG_CONFIG_HOME/ecloud/config.json)')
    .requiredOption('-u, --username <name>', 'the user to log in as')
    .option('--password-stdin', 'read the password from stdin (else it is asked for on the terminal)')
    .option('--directory <name>', 'check the password against this external directory')
    .action(async (options: LoginOptions, command: Command) => {
      const { io } = context;
      const server = serverOf(globalsOf(command), io, (await readConfig(io.env))?.server);
      const password = options.passwordStdin
        ? await readAll(io.stdin)
        : await promptSecret(`Password for ${options.username} at ${server}: `, io.stdin, io.stderr);
      if (password === '') throw new UsageError('an empty password was given');
      const client = new EcloudClient({ baseUrl: server, userAgent: 'ecloud-cli' });
      const token = await client.login(options.username, password, {
        signal: context.signal,
        ...(options.directory === undefined ? {} : { directory: options.directory }),
      });
      const path = await writeConfig(io.env, {
        server,
        token: token.token,
        expiresAt: token.expiresAt,
        username: options.username,
      });
      const answer = {
        server,
        username: options.username,
        principalId: token.principalId,
        expiresAt: token.expiresAt,
      };
      outputOf(context, command).line(
        `logged in to ${server} as ${options.username} until ${token.expiresAt} (${path})`,
        answer,
      );
    });
}
