import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from '../usage-error.js';

/** What `ecloud login` keeps between commands. @internal */
export interface CliConfig {
  /** The server logged in to. */
  readonly server: string;
  readonly token: string;
  readonly expiresAt?: string;
  readonly username?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** `$XDG_CONFIG_HOME/ecloud/config.json`, else `~/.config/ecloud/config.json`. @internal */
export function configPath(env: Env): string {
  const base = env.XDG_CONFIG_HOME?.trim() ? env.XDG_CONFIG_HOME : join(env.HOME ?? homedir(), '.config');
  return join(base, 'ecloud', 'config.json');
}

/** The saved configuration, or undefined when there is none yet. @internal */
export async function readConfig(env: Env): Promise<CliConfig | undefined> {
  const path = configPath(env);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const config = parse(text);
  if (!config) throw new UsageError(`${path} is not an ecloud configuration: run \`ecloud login\` again`);
  return config;
}

/**
 * Saves the configuration readable by its owner only (0600, in a 0700 directory): it holds a bearer
 * token. Written to a new file then renamed over the old, so a crash never leaves half a file and the
 * token is never in a file others can read, even for a moment.
 * @internal
 */
export async function writeConfig(env: Env, config: CliConfig): Promise<string> {
  const path = configPath(env);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  // Created anew ('wx'): a file written over keeps its old mode, and a crash may have left one behind.
  await rm(temporary, { force: true });
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await rename(temporary, path);
  return path;
}

function parse(text: string): CliConfig | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { server, token, expiresAt, username } = value as Record<string, unknown>;
    if (typeof server !== 'string' || typeof token !== 'string') return undefined;
    return {
      server,
      token,
      ...(typeof expiresAt === 'string' ? { expiresAt } : {}),
      ...(typeof username === 'string' ? { username } : {}),
    };
  } catch {
    return undefined;
  }
}
