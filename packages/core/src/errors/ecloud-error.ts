import { ERROR_CODES, type ErrorCode } from './codes.js';

const BRAND = Symbol.for('ecloud.error');

/** Options of an {@link EcloudError}. @public */
export interface EcloudErrorOptions {
  /** Machine-readable facts about the failure (field paths, ids, counts). Never secrets. */
  readonly details?: Record<string, unknown>;
  /** Overrides the code's default retryability. */
  readonly retryable?: boolean;
  /** The driver instance that failed, where a driver was involved. */
  readonly driver?: string;
  /** The job in which the error occurred. */
  readonly jobId?: string;
  /** The underlying error. */
  readonly cause?: unknown;
}

/** The plain-object form of an error, as persisted in a job and sent over the wire. @public */
export interface EcloudErrorJson {
  readonly code: ErrorCode;
  readonly message: string;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;
  readonly driver?: string;
  readonly jobId?: string;
}

/**
 * Every error the SDK throws on purpose. Branded with `Symbol.for('ecloud.error')` so that
 * `instanceof` holds across duplicate installs of the package.
 * @public
 */
export class EcloudError extends Error {
  /** Stable code from {@link ERROR_CODES}. */
  readonly code: ErrorCode;
  /** Whether trying the same request again may succeed. */
  readonly retryable: boolean;
  /** Machine-readable facts about the failure. */
  readonly details: Record<string, unknown>;
  /** The driver instance involved, if any. */
  readonly driver: string | undefined;
  /** The job in which the error occurred, if any. */
  readonly jobId: string | undefined;

  constructor(code: ErrorCode, message: string, options: EcloudErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EcloudError';
    this.code = code;
    this.retryable = options.retryable ?? ERROR_CODES[code].retryable;
    this.details = options.details ?? {};
    this.driver = options.driver;
    this.jobId = options.jobId;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Recognises EcloudErrors by their brand, so that `instanceof` holds across duplicate installs. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /** Whether `value` is an EcloudError, optionally with the given code. */
  static is(value: unknown, code?: ErrorCode): value is EcloudError {
    return value instanceof EcloudError && (code === undefined || value.code === code);
  }

  /** A copy of this error attributed to a job. */
  withJob(jobId: string): EcloudError {
    return new EcloudError(this.code, this.message, { ...this.options(), jobId });
  }

  /** The plain-object form, safe to persist and send. */
  toJSON(): EcloudErrorJson {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      details: this.details,
      ...(this.driver === undefined ? {} : { driver: this.driver }),
      ...(this.jobId === undefined ? {} : { jobId: this.jobId }),
    };
  }

  /** Rebuilds an error from its plain-object form. */
  static fromJSON(json: EcloudErrorJson): EcloudError {
    return new EcloudError(json.code, json.message, {
      details: json.details,
      retryable: json.retryable,
      ...(json.driver === undefined ? {} : { driver: json.driver }),
      ...(json.jobId === undefined ? {} : { jobId: json.jobId }),
    });
  }

  private options(): EcloudErrorOptions {
    return {
      details: this.details,
      retryable: this.retryable,
      ...(this.driver === undefined ? {} : { driver: this.driver }),
      ...(this.cause === undefined ? {} : { cause: this.cause }),
    };
  }
}

/**
 * Turns anything thrown into an EcloudError: EcloudErrors pass through, aborts become `CANCELLED`, and
 * anything else becomes `fallback` with the original kept as `cause`.
 * @public
 */
export function toEcloudError(
  error: unknown,
  fallback: ErrorCode = 'INTERNAL',
  options: EcloudErrorOptions = {},
): EcloudError {
  if (error instanceof EcloudError) return error;
  if (error instanceof Error && error.name === 'AbortError') {
    return new EcloudError('CANCELLED', 'The operation was cancelled.', { ...options, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new EcloudError(fallback, message, { ...options, cause: error });
}
