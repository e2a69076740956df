/**
 * A `fetch` that answers from a script instead of the network, and records what was sent.
 * For unit tests of the client's layers; behaviour of HighLevel itself is tested against the
 * emulator.
 */
export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string | undefined;
}

export type Reply =
  | { status?: number; body?: unknown; headers?: Record<string, string> }
  | Error
  | ((request: SentRequest, index: number) => Reply | Promise<Reply>);

export interface ScriptedFetch {
  fetch: typeof fetch;
  sent: SentRequest[];
}

function toResponse(reply: Exclude<Reply, Error | ((...args: never[]) => unknown)>): Response {
  const body =
    reply.body === undefined
      ? ''
      : typeof reply.body === 'string'
        ? reply.body
        : JSON.stringify(reply.body);
  return new Response(body === '' ? null : body, {
    status: reply.status ?? 200,
    headers: { 'content-type': 'application/json', ...reply.headers },
  });
}

/**
 * @param replies answered in order; the last one repeats. A function computes the reply.
 */
export function scriptedFetch(...replies: Reply[]): ScriptedFetch {
  const sent: SentRequest[] = [];
  const impl = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const body =
      init.body === undefined || init.body === null ? undefined : String(init.body as string);
    const request: SentRequest = {
      method: init.method ?? 'GET',
      url: new URL(input instanceof Request ? input.url : String(input)),
      headers: new Headers(init.headers),
      body,
    };
    const index = sent.push(request) - 1;
    const answer = async () => {
      let reply: Reply = replies[Math.min(index, replies.length - 1)] ?? {};
      while (typeof reply === 'function') reply = await reply(request, index);
      if (reply instanceof Error) throw reply;
      return toResponse(reply);
    };
    // Like real fetch: an abort rejects the call even when the server never answers.
    const signal = init.signal;
    if (!signal) return answer();
    if (signal.aborted) throw abortError(signal);
    return Promise.race([
      answer(),
      new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => reject(abortError(signal)), { once: true }),
      ),
    ]);
  };
  return { fetch: impl, sent };
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('This operation was aborted', 'AbortError');
}

/** An undici-style connection failure: `TypeError('fetch failed')` with a coded cause. */
export function connectionError(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}
