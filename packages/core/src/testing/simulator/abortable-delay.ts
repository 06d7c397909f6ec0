import { EcloudError } from '../../errors/ecloud-error.js';

function cancelled(signal: AbortSignal, driver: string, method: string): EcloudError {
  return new EcloudError('CANCELLED', `${method} on driver ${driver} was cancelled.`, {
    driver,
    details: { method },
    cause: signal.reason,
  });
}

/** Throws `CANCELLED` if `signal` is already aborted: a driver must not start work it was told to drop. */
export function throwIfAborted(signal: AbortSignal, driver: string, method: string): void {
  if (signal.aborted) throw cancelled(signal, driver, method);
}

/**
 * Waits `ms` like a slow hypervisor would, rejecting with `CANCELLED` as soon as `signal` aborts. It
 * uses the global `setTimeout` so that tests can drive it with fake timers.
 */
export function abortableDelay(
  ms: number,
  signal: AbortSignal,
  driver: string,
  method: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(cancelled(signal, driver, method));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled(signal, driver, method));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
