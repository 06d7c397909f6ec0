import { type CompletionNode, commandWords } from './command-tree.js';

/**
 * The bash completion script of `ecloud`: `eval "$(ecloud completion bash)"`, or save it in
 * `/etc/bash_completion.d/ecloud`. The command words typed so far pick the candidates; arguments
 * (ids, option values) are skipped over.
 * @internal
 */
export function bashCompletion(nodes: readonly CompletionNode[]): string {
  const cases = nodes
    .map((node) => {
      const words = [
        ...node.subcommands.map((sub) => sub.name),
        ...node.options.map((option) => option.flag),
      ];
      return `    "${node.path.join(' ')}") candidates="${words.join(' ')}" ;;`;
    })
    .join('\n');
  return `# bash completion for ecloud: eval "$(ecloud completion bash)"
_ecloud() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local commands=" ${commandWords(nodes).join(' ')} "
  local cmd_path="" word i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if [[ "$commands" == *" $word "* ]]; then cmd_path="\${cmd_path:+$cmd_path }$word"; fi
  done
  local candidates=""
  case "$cmd_path" in
${cases}
  esac
  COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
}
complete -F _ecloud ecloud
`;
}
