import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { EcloudError } from '@ecloud/core';
import type { ConnectionError, FastifyInstance } from 'fastify';
import { PROBLEM_JSON, problemOf } from './problem.js';

/** Node's refusals before any request exists, by its error code: the status and what to tell the client. */
const REFUSALS: Readonly<Record<string, { status: number; detail: string }>> = {
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'The request headers are larger than the server accepts.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request was not received in time.' },
};
const MALFORMED = { status: 400, detail: 'The request is not well-formed HTTP.' };
/** How long a refused client may take to read the answer and close before the socket is cut. */
const LINGER_MS = 5000;

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before a request exists (headers over
 * `maxHeaderSize` → 431, a broken request line or header, raw non-ASCII in the target → 400, a request
 * that took too long → 408) answered as a problem document — `INVALID_ARGUMENT`, or `TIMEOUT` for 408,
 * with Node's error code in `details.reason` — and the connection closed, since the parser cannot find
 * the next request's start. Never throws: a client error must not take the server with it.
 */
export function answerClientError(this: FastifyInstance, error: ConnectionError, socket: Socket): void {
  try {
    // Node's own handler does the same: a reset socket has nobody to answer, and a response whose
    // headers went out already cannot be followed by another. A second parse error of a socket already
    // answered arrives here too, and is ignored the same way.
    const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || answering?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, detail } = REFUSALS[error.code] ?? MALFORMED;
    const code = status === 408 ? 'TIMEOUT' : 'INVALID_ARGUMENT';
    const body = JSON.stringify(
      problemOf(new EcloudError(code, detail, { details: { reason: error.code } }), undefined, status),
    );
    this.log.debug({ err: error }, 'client error');
    // end(), not write() and destroy(): closing with the client's unread bytes still buffered sends a
    // TCP reset, which can discard the answer before the client reads it. The server goes on reading
    // (and dropping) what the client sends until it closes, for LINGER_MS at most.
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_JSON}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  } catch {
    // Nothing more can be told to this client.
    socket.destroy();
  }
}
