/**
 * The one table of ECloud error codes. Codes are stable strings: callers branch on them, so a code is
 * never renamed or reused. `retryable` is the default for the code; an individual error may override it.
 * @public
 */
export const ERROR_CODES = {
  INVALID_ARGUMENT: { retryable: false, description: 'The input failed validation.' },
  NOT_FOUND: {
    retryable: false,
    description: 'The resource does not exist or is not visible to the caller.',
  },
  ALREADY_EXISTS: { retryable: false, description: 'A resource with that identity already exists.' },
  CONFLICT: {
    retryable: true,
    description: 'The resource changed concurrently or is busy with another job.',
  },
  ILLEGAL_STATE: { retryable: false, description: 'The operation is not allowed in the current state.' },
  INSUFFICIENT_CAPACITY: { retryable: true, description: 'No host has room for the request.' },
  QUOTA_EXCEEDED: { retryable: false, description: 'The tenant quota does not allow the request.' },
  PERMISSION_DENIED: { retryable: false, description: 'The caller may not perform the operation.' },
  UNAUTHENTICATED: { retryable: false, description: 'The caller could not be authenticated.' },
  RATE_LIMITED: { retryable: true, description: 'The caller sent too many requests; try again later.' },
  IDENTITY_PROVIDER_UNAVAILABLE: {
    retryable: true,
    description:
      'The external identity system (LDAP, ...) cannot be reached; nothing is known of the credentials.',
  },
  UNSUPPORTED: { retryable: false, description: 'The driver does not declare the capability needed.' },
  DRIVER_FAILURE: { retryable: true, description: 'The hypervisor driver reported a failure.' },
  DRIVER_UNAVAILABLE: { retryable: true, description: 'The driver endpoint cannot be reached.' },
  INCOMPATIBLE_DRIVER: {
    retryable: false,
    description: 'The driver does not implement a supported SPI version.',
  },
  TIMEOUT: { retryable: true, description: 'The operation did not finish in time.' },
  CANCELLED: { retryable: false, description: 'The operation was cancelled.' },
  INTERRUPTED: { retryable: true, description: 'The management process stopped while the job ran.' },
  STORE_FAILURE: { retryable: true, description: 'The store failed to read or write.' },
  INTERNAL: { retryable: false, description: 'An unexpected internal error; a bug.' },
} as const satisfies Record<string, { retryable: boolean; description: string }>;

/** A stable ECloud error code. @public */
export type ErrorCode = keyof typeof ERROR_CODES;
