/**
 * One emulator: its store, clock, control surface, webhook delivery and the Hono app, answering
 * HighLevel's requests in-process through `fetch`.
 */
import type { Clock } from '@ghl-bridge/client';
import type { Hono } from 'hono';
import { abortableBody, raceAbort } from './abortable.js';
import { createApp } from './app.js';
import { settableClock } from './clock.js';
import { createControl, type Control } from './control/control.js';
import type { ClockControl } from './control/faultsAndClockControl.js';
import { DROP_HEADER } from './middleware/faults.js';
import { defaultLimits, type RateLimits } from './rateLimit.js';
import { highLevelRoutes } from './routes/index.js';
import type { AppEnv, Runtime } from './runtime.js';
import { noSeed, seedDemo } from './seed.js';
import { emptyState, type EmulatorState } from './state.js';
import { createWebhookDispatcher, type WebhookDispatchOptions } from './webhooks/dispatcher.js';

export interface EmulatorOptions {
  /**
   * Time for dates, token expiry, rate windows and fault latency. Default: the emulator's own
   * clock (real time, settable through the control API). A `manualClock()` from
   * `@ghl-bridge/client` can be advanced through the control API too.
   */
  clock?: Clock;
  /** Rate limits per app per Location; default 100 per 10 s and 200,000 per day. */
  limits?: Partial<RateLimits>;
  /** `'demo'` creates the demo Location (`DEMO`) with its known token. */
  seed?: 'demo' | 'none';
  /** Random source for fault probabilities and webhook retry jitter; default `Math.random`. */
  random?: () => number;
  /**
   * How webhooks leave: `fetch` (default the global one; tests pass a receiver) and signing
   * `keys` (default a pair made once per process, served at `/_emulator/keys`).
   */
  webhooks?: WebhookDispatchOptions;
}

export interface Emulator {
  /** HighLevel over fetch's Request/Response, in-process. Rejects like undici on a dropped connection. */
  fetch(request: Request): Promise<Response>;
  /** Typed control surface (the same as the `/_emulator` HTTP API). */
  control: Control;
  /** The Hono app, e.g. to serve it with `@hono/node-server`. */
  app: Hono<AppEnv>;
  /** The live store (plain data). */
  state: EmulatorState;
}

/** The error undici's fetch rejects with when the server resets the connection. */
export function connectionResetError(): TypeError {
  const cause = Object.assign(new Error('read ECONNRESET'), {
    code: 'ECONNRESET',
    errno: -104,
    syscall: 'read',
  });
  return new TypeError('fetch failed', { cause });
}

/** True for the internal answer that means "drop this connection" (commit-then-fail `drop`). */
export const isDroppedResponse = (res: Response) => res.headers.has(DROP_HEADER);

/**
 * A new emulator with an empty (or demo-seeded) store.
 *
 * @example
 * const emulator = createEmulator({ seed: 'demo', clock: manualClock(Date.parse('2026-01-01')) });
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const clock: Clock & Partial<ClockControl> = options.clock ?? settableClock();
  const rt: Runtime = {
    state: emptyState(),
    clock,
    limits: { ...defaultLimits, ...options.limits },
    buckets: new Map(),
    faults: [],
    random: options.random ?? Math.random,
    listeners: new Set(),
  };
  const webhooks = createWebhookDispatcher(rt, options.webhooks);
  rt.listeners.add((event) => webhooks.onEvent(event));
  const control = createControl(
    rt,
    {
      now: () => clock.now(),
      set: clock.set?.bind(clock),
      advance: clock.advance?.bind(clock),
    },
    options.seed === 'demo' ? seedDemo : noSeed,
    webhooks,
  );
  control.reset();
  const { app } = createApp(rt, control, highLevelRoutes);
  return {
    async fetch(request) {
      const res = await raceAbort(Promise.resolve(app.fetch(request)), request.signal);
      if (isDroppedResponse(res)) throw connectionResetError();
      return abortableBody(res, request.signal);
    },
    control,
    app,
    state: rt.state,
  };
}

/**
 * The emulator as a `fetch` implementation, for clients that call `fetch(url, init)`.
 *
 * @example
 * const client = new SomeHighLevelClient({ fetch: emulatorFetch(emulator), baseUrl: 'http://ghl.test' });
 */
export function emulatorFetch(emulator: Emulator): typeof fetch {
  return (input, init) => emulator.fetch(new Request(input, init));
}
