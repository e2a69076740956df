/**
 * What a real connection does when the client aborts: the caller's `fetch` rejects at once (and
 * a body still streaming errors), while the server goes on with the request it already has.
 * The in-process emulator needs the same, or a client's timeout could never fire.
 */

function reasonOf(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error
    ? reason
    : new DOMException('This operation was aborted', 'AbortError');
}

/** Settles like `pending`, or rejects with the signal's reason if it aborts first. */
export function raceAbort<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(reasonOf(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(reasonOf(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The response with a body that errors when the signal aborts mid-stream. */
export function abortableBody(res: Response, signal: AbortSignal): Response {
  const source = res.body;
  if (!source) return res;
  const reader: ReadableStreamDefaultReader<Uint8Array> = source.getReader();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      signal.addEventListener('abort', () => controller.error(reasonOf(signal)), { once: true });
    },
    async pull(controller) {
      const { done, value } = await raceAbort(reader.read(), signal);
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
}
