import { EcloudApiError } from './ecloud-api-error.js';

/** Statuses worth another try when the answer does not say: rate limited, gateway and unavailable. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** How much of a body that is not a problem document goes into `details.body`. */
const BODY_EXCERPT = 200;

/** The headers of an answer as undici gives them. */
export type AnswerHeaders = Readonly<Record<string, string | string[] | undefined>>;

/**
 * The error of an error answer. A problem document gives its fields; anything else — HTML from a
 * proxy, truncated JSON, an empty body — becomes `HTTP_ERROR` with the status and an excerpt of the
 * body, never a parse failure of its own.
 * @internal
 */
export function errorFromAnswer(status: number, headers: AnswerHeaders, text: string): EcloudApiError {
  const retryAfterMs = retryAfterOf(headers['retry-after']);
  const problem = problemFields(text);
  if (problem) {
    return new EcloudApiError({
      status,
      code: problem.code,
      detail: problem.detail ?? `HTTP ${status}`,
      retryable: problem.retryable ?? RETRYABLE_STATUSES.has(status),
      details: problem.details ?? {},
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  const excerpt = text.trim().slice(0, BODY_EXCERPT);
  return new EcloudApiError({
    status,
    code: 'HTTP_ERROR',
    detail: `The server answered HTTP ${status} without a problem document.`,
    retryable: RETRYABLE_STATUSES.has(status),
    details: excerpt === '' ? {} : { body: excerpt },
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

interface ProblemFields {
  readonly code: string;
  readonly detail?: string;
  readonly retryable?: boolean;
  readonly details?: Record<string, unknown>;
}

/** The fields of a problem document, or undefined when `text` is not one (a `code` is the least). */
function problemFields(text: string): ProblemFields | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(body) || typeof body.code !== 'string' || body.code === '') return undefined;
  const detail = typeof body.detail === 'string' ? body.detail : body.title;
  return {
    code: body.code,
    ...(typeof detail === 'string' ? { detail } : {}),
    ...(typeof body.retryable === 'boolean' ? { retryable: body.retryable } : {}),
    ...(isObject(body.details) ? { details: body.details } : {}),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Retry-After` in seconds (the HTTP-date form is rare from an API and is ignored). */
function retryAfterOf(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}
