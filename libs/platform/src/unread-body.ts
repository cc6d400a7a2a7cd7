import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export interface DrainBound {
  /** Bytes of a body left unread that are read and discarded after the answer, at most. */
  bytes: number;
  /** Time allowed for it, from the end of the answer. */
  ms: number;
}

/**
 * Enough for what a client has already sent into the socket buffers when it gets an early answer;
 * a client still sending more than that is sending a body it no longer needs to (a file's rest).
 */
export const UNREAD_BODY_DRAIN: DrainBound = { bytes: 4 * 1024 * 1024, ms: 2000 };

/**
 * An answer can go out before its request's body was read to the end: an import part stops at its
 * `maxRows`, a CSV header is refused, a refusal comes before the body. Node's server leaves the rest
 * of such a body on the connection unread, and so serves no further request there until the
 * keep-alive timeout closes it; a keep-alive client that had sent its whole body waits that long for
 * its next answer. After each answer the rest is read and discarded, within a bound: the connection
 * then carries the next request, or past the bound it is closed, the client having its whole answer
 * already (the lingering close of RFC 9112 §9.6, not a reset that could lose the answer's end).
 */
export function drainUnreadBodies(app: FastifyInstance, bound: DrainBound = UNREAD_BODY_DRAIN): void {
  app.addHook('onResponse', (request, _reply, done) => {
    drainRest(request.raw, bound);
    done();
  });
}

/** Reads and discards what is left of a request's body; closes the connection past the bound. */
export function drainRest(request: IncomingMessage, bound: DrainBound): void {
  const socket = request.socket;
  if (request.readableEnded || request.destroyed || socket.destroyed) return;
  // Whoever read it (the import's row parser) has let go of it; nothing else may hold it paused.
  request.unpipe();
  // All of it has arrived (a GET's empty body among them): only what is buffered is left to let go.
  if (request.complete) {
    request.resume();
    return;
  }
  let read = 0;
  const close = () => {
    stop();
    socket.destroy();
  };
  const count = (chunk: Buffer) => {
    read += chunk.length;
    if (read > bound.bytes) close();
  };
  const timer = setTimeout(close, bound.ms).unref();
  const stop = () => {
    clearTimeout(timer);
    request.off('data', count).off('end', stop).off('close', stop);
  };
  request.on('data', count).once('end', stop).once('close', stop);
  request.resume();
}
