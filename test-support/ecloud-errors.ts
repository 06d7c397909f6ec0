// Assertions on ECloud's typed errors, shared by every package's tests.
import { EcloudError, type ErrorCode } from '@ecloud/core';
import { expect } from 'vitest';

/** The error `fn` throws; fails the test when it returns instead. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the function to throw, but it returned');
}

/** Asserts `fn` throws an EcloudError (never a RangeError or other stray error) with `code`. */
export function expectThrowsEcloud(fn: () => unknown, code: ErrorCode): EcloudError {
  const error = thrownBy(fn);
  expect(error, `expected an EcloudError ${code}, got ${String(error)}`).toBeInstanceOf(EcloudError);
  expect((error as EcloudError).code).toBe(code);
  return error as EcloudError;
}

/** The reason `promise` rejects with; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`expected a rejection, but it resolved with ${String(value)}`);
}

/** Asserts `promise` rejects with an EcloudError of `code`. */
export async function expectRejectsEcloud(promise: Promise<unknown>, code: ErrorCode): Promise<EcloudError> {
  const error = await rejectionOf(promise);
  expect(error, `expected an EcloudError ${code}, got ${String(error)}`).toBeInstanceOf(EcloudError);
  expect((error as EcloudError).code).toBe(code);
  return error as EcloudError;
}
