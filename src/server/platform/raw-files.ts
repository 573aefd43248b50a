import type { FastifyInstance } from 'fastify';

/**
 * Makes an encapsulated scope read every request body as raw bytes (uploads send the file itself,
 * with whatever content type the browser guessed), counting bytes as they come: a body announced or
 * found larger than `max` stops with `tooLarge()` before it is held in memory. Routes of the scope
 * check the caller in onRequest, so nobody anonymous makes the server read a byte.
 */
export function acceptRawFiles(scope: FastifyInstance, max: number, tooLarge: () => Error): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (request, payload, done) => {
    if (Number(request.headers['content-length'] ?? 0) > max) {
      payload.resume();
      done(tooLarge(), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    payload.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > max) {
        settled = true;
        done(tooLarge(), undefined);
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => {
      if (!settled) done(null, Buffer.concat(chunks));
    });
    payload.on('error', (err: Error) => {
      if (settled) return;
      settled = true;
      done(err, undefined);
    });
  });
}
