import { Command } from 'commander';
import { registerAuditCommands } from './commands/audit-commands.js';
import { registerCatalogCommands } from './commands/catalog-commands.js';
import { registerCompletionCommand } from './commands/completion-command.js';
import { registerHostCommands } from './commands/host-commands.js';
import { registerInstanceCommands } from './commands/instance-commands.js';
import { registerJobCommands } from './commands/job-commands.js';
import { registerLoginCommand } from './commands/login-command.js';
import { registerVolumeCommands } from './commands/volume-commands.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import type { CommandContext } from './session.js';

/** The CLI's version, printed by `ecloud --version`. */
const VERSION = '0.1.0';

/**
 * The `ecloud` program. Settings that subcommands must share (where output goes, throwing instead of
 * exiting) are made before any subcommand, since commander copies them into each as it is created.
 * @internal
 */
export function buildProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('ecloud')
    .description(
      'The ECloud command line: instances, hosts, images, offerings, volumes, jobs and the audit log.',
    )
    .version(VERSION)
    .option(
      '--server <url>',
      'the server (default: $ECLOUD_SERVER, else the one logged in to, else http://127.0.0.1:8080)',
    )
    .option('--json', 'print the API’s JSON instead of tables (for scripts)')
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `\nEnvironment: ECLOUD_SERVER (the server), ECLOUD_TOKEN (a token instead of \`ecloud login\`).\n${EXIT_CODES_HELP}`,
    );
  registerLoginCommand(program, context);
  registerInstanceCommands(program, context);
  registerHostCommands(program, context);
  registerCatalogCommands(program, context);
  registerVolumeCommands(program, context);
  registerJobCommands(program, context);
  registerAuditCommands(program, context);
  registerCompletionCommand(program, context);
  return program;
}
