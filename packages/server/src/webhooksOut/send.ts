/**
 * One POST of a webhook: the signed JSON body, 15 s to answer, redirects not followed (the URL
 * was checked, the place it redirects to was not). Made with `node:http(s)` so that the
 * connection's own DNS lookup is the guarded one (`urlGuard.ts`).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { urlRefusal } from './core/addressRules.js';
import { guardedLookup, RefusedAddressError, urlRefusalMessage } from './urlGuard.js';

/** How long an endpoint has to answer. */
export const DELIVERY_TIMEOUT_MS = 15_000;

/** The endpoint's answer (any status), or why there was none. */
export type SendResult = { status: number } | { error: string };

/**
 * @example const result = await postWebhook(url, body, headers, { allowPrivate: false });
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivate: boolean; timeoutMs?: number },
): Promise<SendResult> {
  const refusal = urlRefusal(url, options);
  if (refusal) return Promise.resolve({ error: `Not sent: ${urlRefusalMessage(refusal)}.` });
  const target = new URL(url);
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(target, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'ghl-bridge-webhooks',
      },
      ...(options.allowPrivate ? {} : { lookup: guardedLookup }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    req.on('response', (res: IncomingMessage) => {
      // Only the status counts; the body is not read.
      res.destroy();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', (error) => resolve({ error: sendError(error, timeoutMs) }));
    req.end(body);
  });
}

function sendError(error: unknown, timeoutMs: number): string {
  if (error instanceof RefusedAddressError) return `Not sent: ${error.message}.`;
  const err = error as NodeJS.ErrnoException;
  if (err.name === 'AbortError' || err.name === 'TimeoutError') {
    return `No answer within ${timeoutMs / 1000} s.`;
  }
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'The connection was refused: is the receiver running on that host and port?';
    case 'ENOTFOUND':
      return 'The host name was not found (DNS).';
    case 'ECONNRESET':
      return 'The connection was closed before an answer.';
    default:
      return `The request failed: ${err.message}${err.code ? ` (${err.code})` : ''}.`;
  }
}
