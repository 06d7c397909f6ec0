import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { cleanEnv, SERVER_MAIN, TSCONFIG, TSX } from './repository-paths.js';

/** A reference server in a process of its own. */
export interface RunningServer {
  readonly url: string;
  /** What the server printed so far (for a failing test's message). */
  output(): string;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

const READY_WITHIN_MS = 90_000;

/**
 * Starts `examples/rest-server` (`npm start`'s program) on a free port, in a fresh temporary directory
 * so its `.ecloud/` store is new, with the three administrators' password; resolves once `/readyz`
 * answers.
 */
export async function startServer(password: string): Promise<RunningServer> {
  const directory = await mkdtemp(join(tmpdir(), 'ecloud-cli-server-'));
  const port = await freePort();
  const child = spawn(TSX, ['--tsconfig', TSCONFIG, SERVER_MAIN], {
    cwd: directory,
    env: cleanEnv({
      INIT_CWD: directory,
      HOST: '127.0.0.1',
      PORT: String(port),
      ECLOUD_BOOTSTRAP_PASSWORD: password,
      LOG_LEVEL: 'warn',
      XDG_CONFIG_HOME: directory,
    }),
    // A process group of its own: stopping it stops tsx and the node process it runs, nothing else.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopGroup(child);
    await rm(directory, { recursive: true, force: true });
  };
  try {
    await untilReady(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port was given');
  return address.port;
}

async function untilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    const ready = await fetch(`${url}/readyz`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (ready) return;
    await delay(200);
  }
  throw new Error(`the server was not ready within ${READY_WITHIN_MS} ms:\n${output()}`);
}

/** SIGTERM to the server's process group (it shuts down cleanly), SIGKILL if it lingers. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, 10_000);
  await exited;
  clearTimeout(timer);
}
