import { abortReason, type Clock } from './clock.js';
import type { HighLevelError } from './errors.js';
import { AbortedError, NetworkError, TimeoutError, type RequestSummary } from './errors.js';
import { errorFromResponse } from './errorFromResponse.js';
import type { EventSink } from './events.js';
import type { ParsedResponse, PreparedRequest, Send } from './pipeline.js';

/** Error codes (undici's and Node's) that mean the request never reached the server. */
const BEFORE_SEND_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function causeCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ABORT_ERR') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The request as errors and logs may show it: the bearer token never leaves this function. */
export function summarize(request: PreparedRequest): RequestSummary {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    headers[key] = key === 'authorization' ? 'Bearer [redacted]' : value;
  });
  return { method: request.method, url: request.url.toString(), headers };
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    signal.addEventListener('abort', () => reject(abortReason(signal)), { once: true });
  });
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Why a request's timeout timer is stopped: it settled. A reason given up front spares building a
 * `DOMException` (with its stack) per request, which `abort()` does by default.
 */
const SETTLED = new Error('The request settled before its timeout');

/**
 * The core: send one attempt with `fetch` under its timeout, parse the body, turn a failure into
 * a typed error. Nothing else (auth, limits and retries are layers around it).
 */
export function createCoreSend(deps: { fetch: typeof fetch; clock: Clock; emit: EventSink }): Send {
  return async (request: PreparedRequest): Promise<ParsedResponse> => {
    const started = deps.clock.now();
    const timeout = new AbortController();
    const stopTimer = new AbortController();
    let timedOut = false;
    deps.clock.sleep(request.timeoutMs, stopTimer.signal).then(
      () => {
        timedOut = true;
        timeout.abort();
      },
      () => undefined,
    );
    const signal = request.signal
      ? AbortSignal.any([request.signal, timeout.signal])
      : timeout.signal;
    const summary = () => ({ ...summarize(request), pathTemplate: request.pathTemplate });
    const base = {
      method: request.method,
      path: request.pathTemplate,
      attempt: request.attempt,
      resourceId: request.resourceId,
    };

    const fail = (error: HighLevelError): never => {
      deps.emit({
        type: 'error',
        ...base,
        code: error.code,
        status: error.status,
        traceId: error.traceId,
        durationMs: deps.clock.now() - started,
      });
      throw error;
    };

    try {
      let response: Response;
      let text: string;
      try {
        const exchange = (async () => {
          const res = await deps.fetch(request.url, {
            method: request.method,
            headers: request.headers,
            body: request.body,
            signal,
          });
          return { res, body: await res.text() };
        })();
        exchange.catch(() => undefined); // settled by the race below; never unhandled
        // The timeout holds even for a `fetch` that ignores its signal (a custom transport).
        ({ res: response, body: text } = await Promise.race([exchange, rejectOnAbort(signal)]));
      } catch (cause) {
        const where = `${request.method} ${request.pathTemplate}`;
        if (timedOut) {
          return fail(
            new TimeoutError(
              'timeout',
              `HighLevel did not answer ${where} within ${request.timeoutMs} ms`,
              { cause, request: summarize(request) },
            ),
          );
        }
        if (request.signal?.aborted) {
          return fail(
            new AbortedError('aborted', `${where} was aborted by the caller`, {
              cause,
              request: summarize(request),
            }),
          );
        }
        const code = causeCode(cause);
        const beforeSend = code !== undefined && BEFORE_SEND_CODES.has(code);
        return fail(
          new NetworkError(`Could not reach HighLevel for ${where}${code ? ` (${code})` : ''}`, {
            cause,
            beforeSend,
            request: summarize(request),
          }),
        );
      }
      const body = parseBody(text);
      if (!response.ok)
        return fail(errorFromResponse(response.status, body, response.headers, summary()));
      const traceId = (body as { traceId?: unknown } | undefined)?.traceId;
      const remaining = Number(response.headers.get('x-ratelimit-remaining') ?? NaN);
      deps.emit({
        type: 'response',
        ...base,
        status: response.status,
        durationMs: deps.clock.now() - started,
        traceId: typeof traceId === 'string' ? traceId : undefined,
        rateLimitRemaining: Number.isFinite(remaining) ? remaining : undefined,
      });
      return { status: response.status, headers: response.headers, body };
    } finally {
      stopTimer.abort(SETTLED);
    }
  };
}
