import { randomUUID } from 'node:crypto';

/**
 * A fresh `Idempotency-Key`: random, so two different requests never share one. It is made once per
 * call and sent with every retry of that call, which is what lets the server recognise the repeat.
 * @internal
 */
export function newIdempotencyKey(): string {
  return randomUUID();
}
