import { z } from 'zod';
import { RecordMeta } from './common.js';
import { listFilter } from './page.js';

/** Life of a job: queued → running → succeeded | failed | cancelled. @public */
export const JobState = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
/** Life of a job: queued → running → succeeded | failed | cancelled (the type of the {@link JobState} schema). @public */
export type JobState = z.infer<typeof JobState>;

/** Filter of `jobs.list`. @public */
export const JobFilter = listFilter({
  /** Confine the list to one tenant; needed by a caller bound on several tenants but not the platform. */
  tenantId: z.string().min(1).optional(),
  state: JobState.optional(),
  resourceId: z.string().min(1).optional(),
});
/** Filter of `jobs.list` (the type of the {@link JobFilter} schema, as callers write it). @public */
export type JobFilter = z.input<typeof JobFilter>;

/** Whether a job state is final. @public */
export function isFinalJobState(state: JobState): boolean {
  return state === 'succeeded' || state === 'failed' || state === 'cancelled';
}

/**
 * One entry of a job's journal: a step that completed, with what is needed to undo it. The journal is
 * persisted after every step so that a restarted process can roll an interrupted job back.
 * @public
 */
export const JobStep = z.object({
  name: z.string(),
  data: z.record(z.string(), z.unknown()),
});
/** One entry of a job's journal: a step that completed, with what is needed to undo it (the type of the {@link JobStep} schema). @public */
export type JobStep = z.infer<typeof JobStep>;

/** The persisted error of a failed job. @public */
export const JobError = z.object({
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
  details: z.record(z.string(), z.unknown()),
  driver: z.string().optional(),
  jobId: z.string().optional(),
});

/** A long-running operation (R-COMP-3). @public */
export const Job = RecordMeta.extend({
  operation: z.string(),
  state: JobState,
  progress: z.number().min(0).max(100),
  tenantId: z.string().nullable(),
  resourceType: z.string(),
  resourceId: z.string(),
  input: z.record(z.string(), z.unknown()),
  steps: z.array(JobStep),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: JobError.nullable(),
  idempotencyKey: z.string().nullable(),
  cancelRequested: z.boolean(),
  ownerNode: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
/** A long-running operation (R-COMP-3) (the type of the {@link Job} schema). @public */
export type Job = z.infer<typeof Job>;
