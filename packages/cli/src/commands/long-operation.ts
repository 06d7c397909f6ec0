import type { EcloudClient, Job } from '@ecloud/client';
import type { Command } from 'commander';
import { progressReporter } from '../output/progress-reporter.js';
import type { CommandContext, Session } from '../session.js';
import { seconds } from './option-parsers.js';

/** How long `--wait` waits unless `--timeout` says otherwise, seconds. */
const DEFAULT_TIMEOUT_S = 15 * 60;

/** The options of a command that starts a job. @internal */
export interface WaitOptions {
  readonly wait?: boolean;
  readonly timeout?: number;
}

/** Adds `--wait` and `--timeout` to a command that starts a job. @internal */
export function withWaitOptions(command: Command): Command {
  return command
    .option('--wait', 'wait for the job to end, its progress on stderr (exit 4 if it fails)')
    .option('--timeout <seconds>', `longest wait (default ${DEFAULT_TIMEOUT_S}; exit 5 when over)`, seconds);
}

/**
 * What a command that started `job` prints: at once the job (to follow with `ecloud job wait`), or with
 * `--wait` the job once it succeeded — a failure throws, which sets the exit code.
 * @internal
 */
export async function followJob(context: CommandContext, session: Session, job: Job, options: WaitOptions) {
  if (!options.wait) {
    const text = `${job.operation} ${job.state}: job ${job.id} (ecloud job wait ${job.id})`;
    return session.output.line(text, job);
  }
  const done = await waitWithProgress(context, session.client, job, options.timeout);
  session.output.line(`${done.operation} succeeded: ${done.resourceId}`, done);
}

/** Waits for `job`, drawing its progress on stderr; throws as {@link EcloudClient.waitForJob} does. @internal */
export async function waitWithProgress(
  context: CommandContext,
  client: EcloudClient,
  job: Job,
  timeoutSeconds: number | undefined,
): Promise<Job> {
  const progress = progressReporter(context.io.stderr);
  progress.update(job);
  try {
    return await client.waitForJob(job.id, {
      signal: context.signal,
      maxWaitTime: (timeoutSeconds ?? DEFAULT_TIMEOUT_S) * 1000,
      onProgress: (current) => progress.update(current),
    });
  } finally {
    progress.finish();
  }
}
