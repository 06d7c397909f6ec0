import { Argument, type Command } from 'commander';
import { bashCompletion } from '../completion/bash-completion.js';
import { completionTree } from '../completion/command-tree.js';
import { zshCompletion } from '../completion/zsh-completion.js';
import type { CommandContext } from '../session.js';

const SHELLS = { bash: bashCompletion, zsh: zshCompletion } as const;

/** `ecloud completion bash|zsh`: prints the shell's completion script. @internal */
export function registerCompletionCommand(program: Command, context: CommandContext): void {
  program
    .command('completion')
    .description(
      'print a completion script: eval "$(ecloud completion bash)", source <(ecloud completion zsh)',
    )
    .addArgument(new Argument('<shell>', 'the shell').choices(Object.keys(SHELLS)))
    .action((shell: keyof typeof SHELLS) => {
      context.io.stdout.write(SHELLS[shell](completionTree(program)));
    });
}
