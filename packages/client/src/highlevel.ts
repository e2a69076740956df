import { systemClock, type Clock } from './clock.js';
import { createCoreSend } from './core.js';
import type { EventSink } from './events.js';
import { authLayer } from './layers/auth.js';
import { rateLimitLayer } from './layers/rateLimit.js';
import { retryLayer } from './layers/retry.js';
import { compose, type Layer, type Send } from './pipeline.js';
import { prepareRequest } from './prepare.js';
import { createRateLimiter } from './rateLimit/index.js';
import type { RateLimiter, RateLimiterOptions } from './rateLimit/types.js';
import type { RetryOptions } from './retry/policy.js';
import type { AuthBinding, AuthCall, AuthProvider } from './auth/types.js';
import type { OperationCaller } from './caller.js';
import type {
  Method,
  OptionalArgs,
  PathFor,
  RawRequestOptions,
  RequestOptions,
  ResponseOf,
} from './types.js';
import { attachResources, type Resources } from './resources/attach.js';

export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';

export interface HighLevelOptions {
  /** `privateIntegrationToken(…)`, `oauth(…)` or `agencyLocations(…)`. */
  auth: AuthProvider;
  /** Default `https://services.leadconnectorhq.com`; point it at the emulator in tests. */
  baseUrl?: string;
  /** Default the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * Per-Location budget: default HighLevel's 100 per 10 s and 200,000 per day, in memory.
   * Pass a `RateLimiter` to share one (e.g. database-backed) across clients, or `false` to disable.
   */
  rateLimit?: false | RateLimiter | RateLimiterOptions;
  /** Retry policy; `false` sends every request once. */
  retry?: false | RetryOptions;
  /** Per-attempt timeout. Default 15 s. */
  timeoutMs?: number;
  /** Called for every response, error, retry, rate-limit wait and token refresh. */
  onEvent?: EventSink;
  clock?: Clock;
  /** Source of jitter, in [0, 1). */
  random?: () => number;
  userAgent?: string;
}

function isLimiter(value: unknown): value is RateLimiter {
  return typeof (value as RateLimiter | undefined)?.acquire === 'function';
}

// The resources (`hl.contacts`, `hl.calendars`, …) are attached in the constructor; merging this
// interface into the class declares them without repeating the list kept in resources/index.ts.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface HighLevel extends Resources {}

/**
 * A HighLevel API v2 client: every operation of the official specs through `request`, plus
 * resources for the common ones, with rate limiting, retries, timeouts and token refresh.
 *
 * @example
 * const hl = new HighLevel({ auth: privateIntegrationToken(token, { locationId }) });
 * const { contact } = await hl.request('GET', '/contacts/{contactId}', { path: { contactId } });
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class HighLevel implements OperationCaller {
  readonly baseUrl: string;
  readonly limiter: RateLimiter | undefined;
  private readonly send: Send;
  private readonly options: HighLevelOptions;
  /** The clock the client measures expiry, waits and timeouts with. */
  readonly clock: Clock;

  constructor(options: HighLevelOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
    this.clock = options.clock ?? systemClock;
    const emit: EventSink = options.onEvent ?? (() => undefined);
    const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    if (options.rateLimit !== false) {
      this.limiter = isLimiter(options.rateLimit)
        ? options.rateLimit
        : createRateLimiter({ clock: this.clock, ...(options.rateLimit ?? {}) });
    }
    const layers: Layer[] = [
      retryLayer({
        options: options.retry === false ? { maxAttempts: 1 } : (options.retry ?? {}),
        clock: this.clock,
        random: options.random ?? Math.random,
        emit,
      }),
      authLayer(),
    ];
    if (this.limiter) layers.push(rateLimitLayer({ limiter: this.limiter, emit }));
    this.send = compose(layers, createCoreSend({ fetch: fetchImpl, clock: this.clock, emit }));

    const binding: AuthBinding = { call: (c) => this.authCall(c), clock: this.clock, emit };
    options.auth.bind?.(binding);
    Object.assign(this, attachResources(this));
  }

  /**
   * Calls any HighLevel v2 operation by method and path template, typed from the official spec.
   *
   * @example
   * const slots = await hl.request('GET', '/calendars/{calendarId}/free-slots', {
   *   path: { calendarId }, query: { startDate: Date.now(), endDate: Date.now() + 86_400_000 },
   * });
   */
  request<M extends Method, P extends PathFor<M>>(
    method: M,
    path: P,
    ...args: OptionalArgs<RequestOptions<M, P>>
  ): Promise<ResponseOf<M, P>> {
    return this.raw<ResponseOf<M, P>>(method, path, args[0] ?? {});
  }

  /** The untyped form of `request`, for paths the spec lacks or describes wrongly. */
  async raw<T = unknown>(
    method: string,
    path: string,
    options: RawRequestOptions = {},
  ): Promise<T> {
    const auth = options.auth === undefined ? this.options.auth : options.auth;
    const prepared = prepareRequest(method, path, options, this.context(auth));
    return (await this.send(prepared)).body as T;
  }

  private context(auth: AuthProvider | null) {
    return {
      baseUrl: this.baseUrl,
      auth,
      timeoutMs: this.options.timeoutMs ?? 15_000,
      userAgent: this.options.userAgent ?? 'ghl-bridge-client',
    };
  }

  /** Token endpoints called by auth providers, through the same pipeline. */
  private async authCall(call: AuthCall): Promise<unknown> {
    const prepared = prepareRequest(
      call.method,
      call.path,
      {
        body: call.form,
        query: call.query,
        bodyType: call.form ? 'form' : undefined,
        signal: call.signal,
        priority: 'interactive',
      },
      this.context(call.auth),
    );
    return (await this.send(prepared)).body;
  }
}
