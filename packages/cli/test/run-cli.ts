import { spawn } from 'node:child_process';
import { CLI_BIN, cleanEnv, TSCONFIG, TSX } from './repository-paths.js';

/** How one run of `ecloud` ended. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `ecloud args` from source in a child process; `stdin` is written to it, then closed. */
export function runCli(
  args: readonly string[],
  env: Record<string, string>,
  stdin?: string,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['--tsconfig', TSCONFIG, CLI_BIN, ...args], {
      env: cleanEnv(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
