import type { Job } from '@ecloud/core';
import { describe, expect, it } from 'vitest';
import { JobView, jobView } from '../src/http/job-view.js';

/** A job record as the core stores it, internals and all. */
function record(fields: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    version: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:01.000Z',
    operation: 'instance.create',
    state: 'failed',
    progress: 40,
    tenantId: 'tnt-1',
    resourceType: 'instance',
    resourceId: 'vm-1',
    input: { driver: 'kvm-a', spec: { hostRef: 'qemu+tls://hv-7/system' } },
    steps: [{ name: 'driver.createInstance', data: { ref: 'uuid-1' } }],
    result: null,
    error: {
      code: 'DRIVER_FAILURE',
      message: 'The hypervisor said no.',
      retryable: true,
      details: { method: 'createInstance' },
      driver: 'kvm-a',
      jobId: 'job-1',
    },
    idempotencyKey: 'tnt-1:key',
    cancelRequested: false,
    ownerNode: 'node-7',
    startedAt: '2026-01-01T00:00:00.500Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    ...fields,
  };
}

describe('the public view of a job', () => {
  it('keeps what a caller needs and drops input, steps, owner and key', () => {
    const view = jobView(record());
    expect(JobView.parse(view)).toEqual(view);
    expect(Object.keys(view).sort()).toEqual(
      [
        'cancelRequested',
        'createdAt',
        'error',
        'finishedAt',
        'id',
        'operation',
        'progress',
        'resourceId',
        'resourceType',
        'result',
        'startedAt',
        'state',
        'tenantId',
        'updatedAt',
        'version',
      ].sort(),
    );
    expect(JSON.stringify(view)).not.toMatch(/hv-7|uuid-1|node-7|kvm-a|tnt-1:key/);
  });

  it('answers the error as the problem document of every error answer', () => {
    expect(jobView(record()).error).toEqual({
      type: 'urn:ecloud:error:DRIVER_FAILURE',
      title: 'The hypervisor driver reported a failure.',
      status: 502,
      detail: 'The hypervisor said no.',
      code: 'DRIVER_FAILURE',
      retryable: true,
      details: { method: 'createInstance' },
      instance: '/v1/jobs/job-1',
    });
    const unknown = record({
      error: { code: 'FROM_THE_FUTURE', message: 'a bug of a newer core', retryable: false, details: {} },
    });
    expect(jobView(unknown).error).toMatchObject({ code: 'INTERNAL', status: 500 });
    expect(jobView(unknown).error?.detail).not.toContain('newer core');
  });

  it('answers the result as the ids the job made or changed', () => {
    const done = record({
      state: 'succeeded',
      error: null,
      result: { instanceId: 'vm-1', internal: { a: 1 } },
    });
    expect(jobView(done)).toMatchObject({ result: { instanceId: 'vm-1' }, error: null });
  });
});
