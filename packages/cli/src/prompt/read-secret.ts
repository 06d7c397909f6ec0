import type { InputStream, OutputStream } from '../cli-io.js';
import { UsageError } from '../usage-error.js';

const ENTER = new Set(['\r', '\n']);
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = new Set(['\u007f', '\b']);

/**
 * Asks for a secret on the terminal without echoing it: the terminal goes raw for the answer, so
 * every key is seen here and none is printed. Ctrl-C gives up (a usage error, exit 1).
 * @internal
 */
export function promptSecret(question: string, input: InputStream, output: OutputStream): Promise<string> {
  const setRawMode = input.setRawMode?.bind(input);
  if (!input.isTTY || setRawMode === undefined) {
    return Promise.reject(new UsageError('no terminal to ask for the password on: use --password-stdin'));
  }
  output.write(question);
  setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let secret = '';
    const end = () => {
      input.removeListener('data', onData);
      setRawMode(false);
      input.pause();
      output.write('\n');
    };
    const onData = (chunk: string | Buffer) => {
      for (const char of String(chunk)) {
        if (ENTER.has(char) || char === CTRL_D || char === CTRL_C) {
          end();
          if (char === CTRL_C) reject(new UsageError('login cancelled'));
          else resolve(secret);
          return;
        }
        secret = BACKSPACE.has(char) ? secret.slice(0, -1) : secret + char;
      }
    };
    input.on('data', onData);
  });
}

/** Everything on stdin, without the line end a `echo` or a file adds (`--password-stdin`). @internal */
export async function readAll(input: InputStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}
