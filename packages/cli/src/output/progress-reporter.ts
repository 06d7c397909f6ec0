import type { Job } from '@ecloud/client';
import type { OutputStream } from '../cli-io.js';

const BAR_WIDTH = 30;

/** Shows a job's progress while the CLI waits for it. @internal */
export interface ProgressReporter {
  /** The job as last read. */
  update(job: Job): void;
  /** The wait is over (the bar's line is ended). */
  finish(): void;
}

/**
 * A bar redrawn in place on a terminal; elsewhere (a log, a pipe) a plain line per change, which reads
 * well in a CI log where carriage returns do not.
 * @internal
 */
export function progressReporter(stderr: OutputStream): ProgressReporter {
  const reporter = stderr.isTTY ? terminalBar(stderr) : plainLines(stderr);
  let shown: string | undefined;
  return {
    update(job) {
      // The accepted job and the first poll often say the same: show each change once.
      const now = `${job.state}:${job.progress}`;
      if (now === shown) return;
      shown = now;
      reporter.update(job);
    },
    finish: () => reporter.finish(),
  };
}

function terminalBar(stderr: OutputStream): ProgressReporter {
  let drawn = false;
  return {
    update(job) {
      const filled = Math.round((clamp(job.progress) / 100) * BAR_WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      // \r and "erase line": the next draw replaces this one.
      stderr.write(`\r\x1b[2K${job.operation} ${bar} ${pad(job.progress)}% ${job.state}`);
      drawn = true;
    },
    finish() {
      if (drawn) stderr.write('\n');
    },
  };
}

function plainLines(stderr: OutputStream): ProgressReporter {
  return {
    update(job) {
      stderr.write(`${job.id} ${job.operation}: ${job.state} ${pad(job.progress)}%\n`);
    },
    finish() {},
  };
}

function clamp(progress: number): number {
  return Math.min(100, Math.max(0, progress));
}

function pad(progress: number): string {
  return String(Math.round(clamp(progress))).padStart(3);
}
