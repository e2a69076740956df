/**
 * HighLevel clients for stored connections: one shared per-Location rate limiter per process
 * (database-backed on PostgreSQL, so every process shares one budget), every event to metrics.
 */
import {
  HighLevel,
  privateIntegrationToken,
  type ClientEvent,
  type RateLimiter,
} from '@ghl-bridge/client';

export interface HighLevelClients {
  /**
   * A client acting with `apiKey` for `locationId`; `onEvent` also hears this client's events
   * (e.g. the HighLevel requests of one voice tool call, for its audit trail).
   */
  forKey(apiKey: string, locationId: string, onEvent?: (event: ClientEvent) => void): HighLevel;
  readonly baseUrl: string;
}

export interface HighLevelClientsOptions {
  baseUrl: string;
  /** Default the global fetch; the emulator's fetch in demo mode and tests. */
  fetch?: typeof fetch;
  limiter: RateLimiter;
  onEvent?: (event: ClientEvent) => void;
  /** Per-attempt timeout. Default 10 s. */
  timeoutMs?: number;
}

/**
 * @example
 * const clients = createHighLevelClients({ baseUrl, limiter: createRateLimiter() });
 * await clients.forKey(apiKey, locationId).raw('GET', '/locations/{locationId}', { path: { locationId } });
 */
export function createHighLevelClients(options: HighLevelClientsOptions): HighLevelClients {
  return {
    baseUrl: options.baseUrl,
    forKey(apiKey, locationId, onEvent) {
      return new HighLevel({
        auth: privateIntegrationToken(apiKey, { locationId }),
        baseUrl: options.baseUrl,
        fetch: options.fetch,
        rateLimit: options.limiter,
        timeoutMs: options.timeoutMs ?? 10_000,
        onEvent:
          onEvent && options.onEvent
            ? (event) => {
                options.onEvent?.(event);
                onEvent(event);
              }
            : (onEvent ?? options.onEvent),
        userAgent: 'ghl-bridge-server',
      });
    },
  };
}
