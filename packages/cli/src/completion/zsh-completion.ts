import { type CompletionNode, commandWords } from './command-tree.js';

/** A word and its description as `_describe` takes them (`:` in either escaped). */
function described(word: string, description: string): string {
  const quote = (text: string) => text.replace(/\\/g, '\\\\').replace(/:/g, '\\:').replace(/'/g, `'\\''`);
  return `'${quote(word)}:${quote(description)}'`;
}

/**
 * The zsh completion script of `ecloud`, with descriptions: `source <(ecloud completion zsh)`, or save
 * it as `_ecloud` in a directory of `$fpath`. The command words typed so far pick the candidates.
 * @internal
 */
export function zshCompletion(nodes: readonly CompletionNode[]): string {
  const cases = nodes
    .map((node) => {
      const commands = node.subcommands.map((sub) => described(sub.name, sub.description)).join(' ');
      const options = node.options.map((option) => described(option.flag, option.description)).join(' ');
      return `    "${node.path.join(' ')}") commands=(${commands}); options=(${options}) ;;`;
    })
    .join('\n');
  return `#compdef ecloud
# zsh completion for ecloud: source <(ecloud completion zsh)
_ecloud() {
  local -a commands options
  local known=" ${commandWords(nodes).join(' ')} "
  local cmd_path="" word
  for word in "\${(@)words[2,CURRENT-1]}"; do
    if [[ "$known" == *" $word "* ]]; then cmd_path="\${cmd_path:+$cmd_path }$word"; fi
  done
  case "$cmd_path" in
${cases}
  esac
  if [[ "$PREFIX" == -* ]]; then
    _describe -t options 'option' options
  else
    _describe -t commands 'command' commands
  fi
}
if [[ "\${funcstack[1]}" == "_ecloud" ]]; then
  _ecloud "$@"
else
  compdef _ecloud ecloud
fi
`;
}
