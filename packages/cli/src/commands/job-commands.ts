import type { Job } from '@ecloud/client';
import type { Command } from 'commander';
import type { Column } from '../output/table.js';
import { type CommandContext, sessionOf } from '../session.js';
import { type WaitOptions, waitWithProgress } from './long-operation.js';
import { seconds } from './option-parsers.js';

const FIELDS: readonly Column<Job>[] = [
  { header: 'ID', value: (job) => job.id },
  { header: 'OPERATION', value: (job) => job.operation },
  {
    header: 'STATE',
    value: (job) => (job.cancelRequested && job.state === 'running' ? 'running (cancelling)' : job.state),
  },
  { header: 'PROGRESS', value: (job) => `${job.progress}%` },
  { header: 'RESOURCE', value: (job) => `${job.resourceType} ${job.resourceId}` },
  { header: 'TENANT', value: (job) => job.tenantId },
  { header: 'ERROR', value: (job) => (job.error ? `${job.error.code}: ${job.error.detail}` : null) },
  { header: 'RESULT', value: (job) => (job.result ? JSON.stringify(job.result) : null) },
  { header: 'CREATED', value: (job) => job.createdAt },
  { header: 'STARTED', value: (job) => job.startedAt },
  { header: 'FINISHED', value: (job) => job.finishedAt },
];

/** `ecloud job show|wait`: the long operations. @internal */
export function registerJobCommands(program: Command, context: CommandContext): void {
  const job = program.command('job').description('long operations');
  job
    .command('show <id>')
    .description('one job: its state, progress, and result or error')
    .action(async (id: string, _options: object, command: Command) => {
      const { client, output } = await sessionOf(context, command);
      output.record(await client.jobs.get(id, { signal: context.signal }), FIELDS);
    });
  job
    .command('wait <id>')
    .description(
      'wait for a job to end, its progress on stderr (exit 4 if it fails, 5 if cancelled or over time)',
    )
    .option('--timeout <seconds>', 'longest wait (default 900)', seconds)
    .action(async (id: string, options: Pick<WaitOptions, 'timeout'>, command: Command) => {
      const { client, output } = await sessionOf(context, command);
      const current = await client.jobs.get(id, { signal: context.signal });
      output.record(await waitWithProgress(context, client, current, options.timeout), FIELDS);
    });
}
