/**
 * The bridge's HTTP API as a client behind a load balancer sees it while its processes are
 * killed: each call goes to one of the API processes up at that moment, and is sent again when
 * the connection fails, the answer is a 5xx or none comes in time — what a booking app does with
 * a webhook that did not get through. Counts what it sent again, and tells who asks when a
 * request to a given process leaves (to kill that process mid-request).
 */
import { ADMIN_TOKEN } from '../harness.js';

export interface ApiAnswer {
  status: number;
  /** The JSON answer; empty for one in another format. */
  body: Record<string, unknown>;
  text: string;
}

export interface Resent {
  /** Refused or cut connections: the process was down or died mid-request. */
  connection: number;
  /** 5xx answers, e.g. while the database restarts. */
  serverError: number;
  /** No answer within the per-attempt timeout. */
  timeout: number;
}

export interface ApiClient {
  /** Sends until an answer other than a 5xx comes; fails past `deadline`. */
  call(method: string, path: string, json?: unknown): Promise<ApiAnswer>;
  resent(): Resent;
  /** Requests now in flight to the process at `url`. */
  inFlight(url: string): number;
  /** Resolves true when the next request to `url` leaves, false after `timeoutMs`. */
  nextRequestTo(url: string, timeoutMs: number): Promise<boolean>;
}

export interface ApiClientOptions {
  /** A live API process's base URL, chosen as a load balancer would. */
  apiUrl: () => Promise<string>;
  random: () => number;
  /** Epoch ms after which a call that still gets no answer fails. */
  deadline: number;
  /** Per attempt. Default 15 s. */
  timeoutMs?: number;
}

/**
 * @example
 * const api = apiClient({ apiUrl: async () => base, random, deadline: Date.now() + 60_000 });
 * const { status } = await api.call('POST', '/v1/workspaces', { name: 'Salon' });
 */
export function apiClient(options: ApiClientOptions): ApiClient {
  const resent: Resent = { connection: 0, serverError: 0, timeout: 0 };
  const inFlight = new Map<string, number>();
  const waiting = new Map<string, Array<() => void>>();
  const timeoutMs = options.timeoutMs ?? 15_000;

  /** One attempt; the answer's status and whole body (a connection cut mid-body throws). */
  const attempt = async (base: string, path: string, init: RequestInit) => {
    inFlight.set(base, (inFlight.get(base) ?? 0) + 1);
    const waiters = waiting.get(base) ?? [];
    waiting.delete(base);
    for (const wake of waiters) wake();
    try {
      const res = await fetch(`${base}${path}`, {
        ...init,
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: res.status, text: await res.text() };
    } finally {
      inFlight.set(base, inFlight.get(base)! - 1);
    }
  };

  return {
    async call(method, path, json) {
      const init: RequestInit = {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      };
      for (;;) {
        const base = await options.apiUrl();
        let problem: keyof Resent;
        let detail: string;
        try {
          const { status, text } = await attempt(base, path, init);
          if (status < 500) {
            const json = text.startsWith('{') ? (JSON.parse(text) as ApiAnswer['body']) : {};
            return { status, body: json, text };
          }
          problem = 'serverError';
          detail = `${status} ${text}`;
        } catch (error) {
          problem = (error as Error).name === 'TimeoutError' ? 'timeout' : 'connection';
          // fetch's TypeError says only "fetch failed"; the socket's error is its cause.
          const cause = (error as Error).cause as Error | undefined;
          detail = `${String(error)}${cause?.message ? ` (${cause.message})` : ''}`;
        }
        if (Date.now() > options.deadline) {
          throw new Error(`${method} ${path} got no answer before the deadline: ${detail}`);
        }
        resent[problem]++;
        // A sender backs off a little before sending again.
        await new Promise((resolve) => setTimeout(resolve, 50 + options.random() * 250));
      }
    },
    resent: () => ({ ...resent }),
    inFlight: (url) => inFlight.get(url) ?? 0,
    nextRequestTo(url, waitMs) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), waitMs);
        const list = waiting.get(url) ?? [];
        list.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
        waiting.set(url, list);
      });
    },
  };
}
