/**
 * The client wired to a fresh in-process emulator: one Location with its full-access token, and
 * one manual clock shared by client and emulator, so rate windows, backoff, token expiry and
 * fault latency run in emulated time and a test never waits for real seconds.
 */
import {
  HighLevel,
  manualClock,
  privateIntegrationToken,
  type ClientEvent,
  type HighLevelOptions,
  type ManualClock,
} from '@ghl-bridge/client';
import {
  createEmulator,
  emulatorFetch,
  type CreateLocationInput,
  type Emulator,
  type EmulatorOptions,
  type RequestLogEntry,
} from '@ghl-bridge/emulator';

/** Where every test's clock starts: a Monday morning, UTC. */
export const T0 = Date.parse('2026-03-02T09:00:00Z');
export const BASE_URL = 'http://ghl.test';

export interface EmulatorClient {
  emulator: Emulator;
  clock: ManualClock;
  locationId: string;
  companyId: string;
  /** The Location's private-integration token, holding every scope. */
  token: string;
  /** A client with HighLevel's defaults (limiter, retries), the shared clock and this token. */
  hl: HighLevel;
  /** Everything every client built here reported through `onEvent`. */
  events: ClientEvent[];
  /** Another client on the same emulator and clock, e.g. with another token or no limiter. */
  client: (overrides?: Partial<HighLevelOptions>) => HighLevel;
  /** The emulator's request log for the Location, oldest answer first. */
  requests: () => RequestLogEntry[];
  /**
   * A request straight to the emulator with the Location's token, as HighLevel's own UI or
   * another integration would make it: for setting up state the client under test must respect.
   */
  raw: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;
  /** Settles `work`, moving the shared clock on whenever nothing else can make progress. */
  drive: <T>(work: Promise<T>, options?: { stepMs?: number; limitMs?: number }) => Promise<T>;
}

export function emulatorClient(
  options: {
    emulator?: Omit<EmulatorOptions, 'clock'>;
    location?: CreateLocationInput;
    client?: Partial<HighLevelOptions>;
  } = {},
): EmulatorClient {
  const clock = manualClock(T0);
  const emulator = createEmulator({ ...options.emulator, clock });
  const { locationId, companyId, token } = emulator.control.createLocation({
    name: 'Client Test Location',
    ...options.location,
  });
  const events: ClientEvent[] = [];

  // Counts requests on their way, so `drive` moves the clock only when all of them are answered
  // or parked on the emulator's clock (a latency fault).
  const inner = emulatorFetch(emulator);
  let inFlight = 0;
  let progress = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    inFlight++;
    progress++;
    try {
      return await inner(input, init);
    } finally {
      inFlight--;
      progress++;
    }
  };

  const client = (overrides: Partial<HighLevelOptions> = {}) =>
    new HighLevel({
      auth: privateIntegrationToken(token, { locationId }),
      baseUrl: BASE_URL,
      fetch,
      clock,
      onEvent: (event) => events.push(event),
      ...options.client,
      ...overrides,
    });

  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  /** Until nothing moved for a few turns of the event loop (in-process work is all promises). */
  const idle = async () => {
    let seen = progress;
    for (let still = 0; still < (inFlight > 0 ? 50 : 3);) {
      await turn();
      if (progress === seen) still++;
      else [seen, still] = [progress, 0];
    }
  };

  return {
    emulator,
    clock,
    locationId,
    companyId,
    token,
    hl: client(),
    events,
    client,
    requests: () => emulator.control.requests({ locationId }),
    async raw(method, path, body) {
      const res = await inner(BASE_URL + path, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Version: '2021-07-28',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    async drive(work, { stepMs = 100, limitMs = 10 * 60_000 } = {}) {
      let settled = false;
      const done = work.finally(() => (settled = true));
      done.catch(() => undefined);
      const deadline = clock.now() + limitMs;
      for (;;) {
        await idle();
        if (settled) return work;
        if (clock.now() >= deadline) {
          throw new Error(`still pending after ${limitMs} ms of emulated time`);
        }
        await clock.advance(stepMs);
      }
    },
  };
}

/** Statuses of log entries, in the order the emulator answered them. */
export const statuses = (log: RequestLogEntry[]) => log.map((entry) => entry.status);

/** Log entries for one operation (spec template and method), e.g. `POST /contacts/`. */
export const calls = (log: RequestLogEntry[], method: string, operation: string) =>
  log.filter((entry) => entry.method === method && entry.operation === operation);

/**
 * The most requests that arrived within any `windowMs` (sliding: every window that starts at an
 * arrival, arrivals at exactly `start + windowMs` belonging to the next one).
 *
 * @example
 * mostInAnyWindow([0, 5_000, 10_000], 10_000); // 2
 */
export function mostInAnyWindow(arrivals: number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; first < sorted.length; first++) {
    while (last < sorted.length && sorted[last]! < sorted[first]! + windowMs) last++;
    most = Math.max(most, last - first);
  }
  return most;
}

/** Arrival times (epoch ms) of log entries. */
export const arrivals = (log: RequestLogEntry[]) => log.map((entry) => Date.parse(entry.time));

/** Every item of an async iterable, in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** The rejection of `work`; fails the test when it resolves. */
export async function rejectionOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
