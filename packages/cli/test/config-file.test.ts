import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configPath, readConfig, writeConfig } from '../src/config/config-file.js';

describe('the configuration file', () => {
  let home: string;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'ecloud-config-'));
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('lives under $XDG_CONFIG_HOME, else ~/.config', () => {
    expect(configPath({ XDG_CONFIG_HOME: '/xdg', HOME: '/home/a' })).toBe('/xdg/ecloud/config.json');
    expect(configPath({ XDG_CONFIG_HOME: '', HOME: '/home/a' })).toBe('/home/a/.config/ecloud/config.json');
  });

  it('is written 0600 in a 0700 directory, even over a file that was readable by others', async () => {
    const env = { XDG_CONFIG_HOME: home };
    await writeConfig(env, { server: 'http://a', token: 'one' });
    await writeFile(configPath(env), '{}', { mode: 0o644 });
    await writeConfig(env, { server: 'http://a', token: 'two', username: 'sysadmin' });
    expect((await stat(configPath(env))).mode & 0o777).toBe(0o600);
    expect((await stat(join(home, 'ecloud'))).mode & 0o777).toBe(0o700);
    expect(await readConfig(env)).toEqual({ server: 'http://a', token: 'two', username: 'sysadmin' });
    expect(JSON.parse(await readFile(configPath(env), 'utf8')).token).toBe('two');
  });

  it('is absent before the first login, and refused when it is not ours', async () => {
    const env = { XDG_CONFIG_HOME: home };
    expect(await readConfig(env)).toBeUndefined();
    await writeConfig(env, { server: 'http://a', token: 't' });
    await writeFile(configPath(env), 'not json');
    await expect(readConfig(env)).rejects.toThrow(/ecloud login/);
  });
});
