// `run()` in this process, with its output collected and its HTTP answered by undici's MockAgent (the
// client sends through undici's global dispatcher when it is given none).

import { Readable } from 'node:stream';
import { getGlobalDispatcher, type Interceptable, MockAgent, setGlobalDispatcher } from 'undici';
import { type CliIo, run } from '../src/index.js';

export const SERVER = 'http://cloud.test';

/** How one in-process run ended. */
export interface InProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A MockAgent installed as the global dispatcher until `restore()`. */
export function mockServer(): { readonly pool: Interceptable; restore(): void } {
  const previous = getGlobalDispatcher();
  const agent = new MockAgent();
  agent.disableNetConnect();
  setGlobalDispatcher(agent);
  return { pool: agent.get(SERVER), restore: () => setGlobalDispatcher(previous) };
}

/** Runs `ecloud args` logged in to {@link SERVER} by `$ECLOUD_TOKEN`, with `env` added. */
export async function runInProcess(args: string[], env: Record<string, string> = {}): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([]),
    env: { ECLOUD_SERVER: SERVER, ECLOUD_TOKEN: 'tok-1', XDG_CONFIG_HOME: '/nonexistent', ...env },
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
