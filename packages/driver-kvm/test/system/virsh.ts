import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs virsh against `uri`: a client nobody here wrote, to cross-check what our driver claims it did.
 * Rejects with virsh's own message when it fails.
 */
export async function virsh(uri: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('virsh', ['-c', uri, ...args], { timeout: 60_000 });
  return stdout;
}

/** `virsh dominfo` as a map of its fields (`State`, `CPU(s)`, `Max memory`, ...). */
export async function dominfo(uri: string, domain: string): Promise<Map<string, string>> {
  const fields = new Map<string, string>();
  for (const line of (await virsh(uri, 'dominfo', domain)).split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) fields.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return fields;
}

/** The names `virsh list --all --name` prints. */
export async function domainNames(uri: string): Promise<string[]> {
  return (await virsh(uri, 'list', '--all', '--name')).split('\n').filter((name) => name.trim() !== '');
}
