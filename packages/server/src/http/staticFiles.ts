/**
 * Files the server sends as they are (the API reference's Swagger UI, the dashboard's build):
 * read and gzipped once on first use, then kept; sent gzipped to clients that accept it.
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { AppEnv } from './env.js';

/** For files whose address changes with their content (a version or hash in it). */
export const FOR_GOOD = 'public, max-age=31536000, immutable';
/** For pages whose address stays the same: the browser asks again before using its copy. */
export const REVALIDATE = 'no-cache';

interface Loaded {
  body: Uint8Array;
  gzipped: Uint8Array;
}

const loaded = new Map<string, Promise<Loaded>>();

function load(path: string): Promise<Loaded> {
  let found = loaded.get(path);
  if (!found) {
    found = readFile(path).then((body) => ({ body, gzipped: gzipSync(body) }));
    // A failed read is tried again on the next request rather than remembered.
    found.catch(() => loaded.delete(path));
    loaded.set(path, found);
  }
  return found;
}

/**
 * Sends `body` with its type and cache policy, and `nosniff` so a browser never reads it as
 * another type.
 */
export function send(c: Context<AppEnv>, body: Uint8Array | string, type: string, cache: string) {
  c.header('Content-Type', type);
  c.header('Cache-Control', cache);
  c.header('X-Content-Type-Options', 'nosniff');
  return c.body(body as Uint8Array<ArrayBuffer> | string, 200);
}

/**
 * Sends the file at `path`, gzipped when the client accepts it.
 *
 * @example return sendFile(c, join(dir, 'index.html'), 'text/html; charset=utf-8', REVALIDATE);
 */
export async function sendFile(c: Context<AppEnv>, path: string, type: string, cache: string) {
  const { body, gzipped } = await load(path);
  c.header('Vary', 'Accept-Encoding');
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    c.header('Content-Encoding', 'gzip');
    return send(c, gzipped, type, cache);
  }
  return send(c, body, type, cache);
}
