import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors/codes.js';
import { EcloudError, toEcloudError } from '../../src/errors/ecloud-error.js';

describe('EcloudError', () => {
  it('carries code, message, details, retryable default from the table, driver, job and cause', () => {
    const cause = new Error('socket closed');
    const error = new EcloudError('DRIVER_UNAVAILABLE', 'libvirt is down', {
      details: { uri: 'x' },
      driver: 'kvm',
      cause,
    });
    expect(error).toMatchObject({
      code: 'DRIVER_UNAVAILABLE',
      message: 'libvirt is down',
      retryable: true,
      driver: 'kvm',
    });
    expect(error.cause).toBe(cause);
    expect(new EcloudError('NOT_FOUND', 'x').retryable).toBe(ERROR_CODES.NOT_FOUND.retryable);
    expect(new EcloudError('NOT_FOUND', 'x', { retryable: true }).retryable).toBe(true);
    expect(error.withJob('job-1')).toMatchObject({
      code: 'DRIVER_UNAVAILABLE',
      jobId: 'job-1',
      driver: 'kvm',
    });
  });

  it('is recognised by instanceof across duplicate copies through its Symbol.for brand', () => {
    const foreign = Object.assign(new Error('from another copy'), { code: 'NOT_FOUND' });
    Object.defineProperty(foreign, Symbol.for('ecloud.error'), { value: true });
    expect(foreign instanceof EcloudError).toBe(true);
    expect(EcloudError.is(foreign, 'NOT_FOUND')).toBe(true);
    expect(new Error('plain') instanceof EcloudError).toBe(false);
    expect(EcloudError.is(new EcloudError('CONFLICT', 'x'), 'NOT_FOUND')).toBe(false);
  });

  it('round-trips through JSON without its cause', () => {
    const error = new EcloudError('QUOTA_EXCEEDED', 'too many', {
      details: { limit: 3 },
      jobId: 'job-9',
      cause: new Error('secret'),
    });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toEqual({
      code: 'QUOTA_EXCEEDED',
      message: 'too many',
      retryable: false,
      details: { limit: 3 },
      jobId: 'job-9',
    });
    expect(EcloudError.fromJSON(json)).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      jobId: 'job-9',
      details: { limit: 3 },
    });
  });

  it('wraps foreign errors and aborts', () => {
    const plain = toEcloudError(new TypeError('boom'), 'DRIVER_FAILURE', { driver: 'x' });
    expect(plain).toMatchObject({ code: 'DRIVER_FAILURE', message: 'boom', driver: 'x' });
    expect(plain.cause).toBeInstanceOf(TypeError);
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    expect(toEcloudError(abort).code).toBe('CANCELLED');
    const same = new EcloudError('CONFLICT', 'c');
    expect(toEcloudError(same)).toBe(same);
    expect(toEcloudError('a string').code).toBe('INTERNAL');
  });
});
