import { EcloudApiError, EcloudJobError } from '@ecloud/client';
import { CheckFailure } from './check-failure.js';
import { UsageError } from './usage-error.js';

/**
 * What `ecloud` exits with, so a script can tell a mistake of its own from a refusal, an outage and an
 * operation that ran but did not succeed.
 * @public
 */
export const EXIT_CODES = {
  /** Done. */
  ok: 0,
  /** The command line was wrong, or something local: not logged in, no terminal to ask a password on. */
  usage: 1,
  /** The server refused the request (HTTP 4xx): invalid, not logged in, not permitted, not found, conflict. */
  apiError: 2,
  /** The server failed (HTTP 5xx) or could not be reached in time. */
  unavailable: 3,
  /** The operation ran and failed: its job failed, or a check found a problem (`audit verify`). */
  jobFailed: 4,
  /** The job was cancelled, the wait for it timed out, or it was interrupted (the job may go on). */
  jobNotFinished: 5,
} as const;

/**
 * One of {@link EXIT_CODES}.
 * @public
 */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The text of `ecloud --help` that explains the exit codes. @internal */
export const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  usage: a wrong command line, not logged in, no terminal to ask a password on
  2  the server refused the request (HTTP 4xx; the problem's detail is printed)
  3  the server failed (HTTP 5xx) or could not be reached in time
  4  the operation ran and failed: its job failed (--wait, job wait), or audit verify found the log changed
  5  the job was cancelled, the wait timed out, or it was interrupted (the job may go on)`;

/** The exit code an error ends the command with. @internal */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT_CODES.usage;
  if (error instanceof CheckFailure) return EXIT_CODES.jobFailed;
  if (error instanceof EcloudJobError) {
    return error.reason === 'failed' ? EXIT_CODES.jobFailed : EXIT_CODES.jobNotFinished;
  }
  if (error instanceof EcloudApiError) {
    if (error.code === 'CANCELLED' && error.status === 0) return EXIT_CODES.jobNotFinished;
    return error.status >= 400 && error.status < 500 ? EXIT_CODES.apiError : EXIT_CODES.unavailable;
  }
  return EXIT_CODES.usage;
}
