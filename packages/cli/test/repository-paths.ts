// Where the test finds what it runs: everything from source, through the repository's own tsx and
// tsconfig (whose paths send @ecloud/* to each package's src — no build needed, none stale).

import { fileURLToPath } from 'node:url';

const at = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

export const TSX = at('node_modules/.bin/tsx');
export const TSCONFIG = at('tsconfig.json');
export const SERVER_MAIN = at('examples/rest-server/src/main.ts');
export const CLI_BIN = at('packages/cli/src/bin.ts');

/**
 * The test process's environment without anything that would point the CLI or the server elsewhere —
 * `INIT_CWD` included: npm sets it, and the server keeps its store where it says.
 */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const {
    ECLOUD_SERVER: _server,
    ECLOUD_TOKEN: _token,
    ECLOUD_CONFIG: _config,
    INIT_CWD: _initCwd,
    PORT: _port,
    HOST: _host,
    ...rest
  } = process.env;
  return { ...rest, NO_COLOR: '1', ...extra };
}
