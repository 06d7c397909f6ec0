import type { Command } from 'commander';

/** What can follow a command on the command line: its subcommands and its options. @internal */
export interface CompletionNode {
  /** The words from the program to this command: `[]` for `ecloud`, `['instance', 'list']`. */
  readonly path: readonly string[];
  readonly subcommands: readonly { readonly name: string; readonly description: string }[];
  readonly options: readonly { readonly flag: string; readonly description: string }[];
}

/**
 * Every command of the program with what may follow it, read from the program itself — so the
 * completion scripts never fall behind the commands.
 * @internal
 */
export function completionTree(program: Command): CompletionNode[] {
  const nodes: CompletionNode[] = [];
  const walk = (command: Command, path: readonly string[], inherited: CompletionNode['options']) => {
    const own = command.options.flatMap((option) =>
      [option.long, option.short]
        .filter((flag): flag is string => flag !== undefined)
        .map((flag) => ({ flag, description: option.description })),
    );
    const options = [...own, ...inherited, { flag: '--help', description: 'show help' }];
    const subcommands = command.commands.map((sub) => ({ name: sub.name(), description: sub.description() }));
    nodes.push({ path, subcommands, options });
    // `--version` is the program's alone; every other option of a command holds for its subcommands.
    const passedOn = [...own, ...inherited].filter((option) => !['--version', '-V'].includes(option.flag));
    for (const sub of command.commands) walk(sub, [...path, sub.name()], passedOn);
  };
  walk(program, [], []);
  return nodes;
}

/** Every command word, to tell command words from arguments (ids, values) on a partial command line. @internal */
export function commandWords(nodes: readonly CompletionNode[]): string[] {
  return [...new Set(nodes.flatMap((node) => node.subcommands.map((sub) => sub.name)))].sort();
}
