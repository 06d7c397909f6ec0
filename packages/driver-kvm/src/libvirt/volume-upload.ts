import { EcloudError } from '@ecloud/core';
import type { RpcStream } from '../rpc/rpc-stream.js';

/** @internal */
export function streamCancelled(what: 'upload' | 'download'): EcloudError {
  return new EcloudError('CANCELLED', `The volume ${what} was cancelled.`, { details: { operation: what } });
}

/**
 * Feeds `source` into an upload stream and finishes it; resolves with the bytes sent once the daemon
 * confirms. Anything that stops it half-way (a cancel, a failing source, the daemon refusing) aborts
 * the stream on the daemon first, so the connection stays usable for other calls.
 * @internal
 */
export async function pumpUpload(
  stream: RpcStream,
  source: AsyncIterable<Uint8Array>,
  signal: AbortSignal | undefined,
): Promise<number> {
  // An abort while a write waits for the socket to drain must not wait for the drain.
  const onAbort = () => stream.cancel(streamCancelled('upload'));
  signal?.addEventListener('abort', onAbort, { once: true });
  let bytes = 0;
  try {
    for await (const chunk of readSource(source)) {
      if (signal?.aborted) throw streamCancelled('upload');
      await stream.write(chunk);
      bytes += chunk.length;
    }
    if (signal?.aborted) throw streamCancelled('upload');
    await stream.finish();
    return bytes;
  } catch (error) {
    const typed = signal?.aborted
      ? streamCancelled('upload')
      : error instanceof EcloudError
        ? error
        : new EcloudError('DRIVER_FAILURE', `The volume upload failed: ${String(error)}.`, { cause: error });
    stream.cancel(typed);
    throw typed;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The caller's source, its own failures turned into a typed error that says whose they were. */
async function* readSource(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch (error) {
        if (error instanceof EcloudError) throw error;
        throw new EcloudError('INVALID_ARGUMENT', `The upload source failed: ${String(error)}.`, {
          cause: error,
        });
      }
      if (next.done) {
        finished = true;
        return;
      }
      if (!(next.value instanceof Uint8Array)) {
        throw new EcloudError(
          'INVALID_ARGUMENT',
          'The upload source must yield bytes (Uint8Array or Buffer).',
        );
      }
      yield next.value;
    }
  } finally {
    // Stopped early (a cancel, the daemon refusing): let the source close its file or socket.
    if (!finished) await iterator.return?.();
  }
}
