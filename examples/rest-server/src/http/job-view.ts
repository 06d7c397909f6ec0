import { EcloudError, ERROR_CODES, type ErrorCode, type Job, JobState } from '@ecloud/core';
import { z } from 'zod';
import { problemOf } from './problem.js';

/** A failed or cancelled job's error, as the RFC 9457 problem document every error answer of the API is. */
export const JobProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
  retryable: z.boolean(),
  details: z.record(z.string(), z.unknown()).optional(),
  instance: z.string().optional(),
});
/** A job's error as a problem document (the type of {@link JobProblem}). */
export type JobProblem = z.infer<typeof JobProblem>;

/**
 * A job as API callers see it: what it does, to what, how far it is and how it ended. The core's record
 * also holds the operation's input (driver references, host placement), the step journal and the
 * management process that owns it — the core's business, none of the caller's — so the view is built
 * field by field, and a field the record gains later stays internal until it is added here.
 */
export const JobView = z.object({
  id: z.string(),
  /** Write count of the record; the `ETag` of `GET /v1/jobs/{id}` is made of it, as for every record. */
  version: z.number().int().positive(),
  /** What the job does, e.g. `instance.create`. */
  operation: z.string(),
  state: JobState,
  /** Percent done; 100 only once it succeeded. */
  progress: z.number().min(0).max(100),
  cancelRequested: z.boolean(),
  /** The kind of resource the job acts on, e.g. `instance`. */
  resourceType: z.string(),
  resourceId: z.string(),
  tenantId: z.string().nullable(),
  /** On success, the ids of what the job made or changed, e.g. `{ instanceId }`. */
  result: z.record(z.string(), z.string()).nullable(),
  /** Why the job failed or was cancelled. */
  error: JobProblem.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
/** A job as API callers see it (the type of {@link JobView}). */
export type JobView = z.infer<typeof JobView>;

/** The view of a job record. Pure: the same record always gives the same view. */
export function jobView(job: Job): JobView {
  return {
    id: job.id,
    version: job.version,
    operation: job.operation,
    state: job.state,
    progress: job.progress,
    cancelRequested: job.cancelRequested,
    resourceType: job.resourceType,
    resourceId: job.resourceId,
    tenantId: job.tenantId,
    result: job.result === null ? null : resultIds(job.result),
    error: job.error === null ? null : jobProblem(job),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

/** A result's references: its string values (ids); anything else a handler might add stays internal. */
function resultIds(result: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(result).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * The job's stored error as a problem. A code this server does not know (written by a newer core) reads
 * as `INTERNAL`, whose message and details are never shown.
 */
function jobProblem(job: Job): JobProblem {
  const stored = job.error;
  const code = stored && stored.code in ERROR_CODES ? (stored.code as ErrorCode) : 'INTERNAL';
  const error = new EcloudError(code, stored?.message ?? '', {
    details: stored?.details ?? {},
    retryable: stored?.retryable ?? false,
  });
  return problemOf(error, `/v1/jobs/${job.id}`);
}
