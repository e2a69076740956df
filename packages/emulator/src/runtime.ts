import type { Clock } from '@ghl-bridge/client';
import type { ActiveFault } from './faults.js';
import type { OperationMatch } from './operations.js';
import type { RateBucket, RateDecision, RateLimits } from './rateLimit.js';
import type { EmulatorState, LocationRecord, TokenRecord } from './state.js';

/** Something that happened in a Location, in the shape of HighLevel's webhook payloads. */
export interface EmulatorEvent {
  /** HighLevel's event name: `ContactCreate`, `NoteCreate`, `TaskComplete`, … */
  type: string;
  locationId: string;
  payload: Record<string, unknown>;
}

/** What every part of the emulator shares: the store, the clock, limits, faults, events. */
export interface Runtime {
  state: EmulatorState;
  clock: Clock;
  limits: RateLimits;
  buckets: Map<string, RateBucket>;
  faults: ActiveFault[];
  random: () => number;
  listeners: Set<(event: EmulatorEvent) => void>;
}

export const nowIso = (rt: Runtime) => new Date(rt.clock.now()).toISOString();

/** Tells every listener (webhook delivery, tests) about a change. */
export function emit(rt: Runtime, event: EmulatorEvent): void {
  for (const listener of rt.listeners) listener(event);
}

/** The request as a route handler sees it: authenticated, its Location resolved. */
export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body, or undefined when there is none. */
  body: unknown;
  token: TokenRecord;
  location: LocationRecord;
  rt: Runtime;
}

export interface RouteResult {
  status: number;
  body: unknown;
}

/** One HighLevel operation the emulator implements: its spec method and path template. */
export interface RouteDef {
  method: string;
  path: string;
  handle(req: RouteRequest): RouteResult | Promise<RouteResult>;
}

/**
 * Declares a route for a spec operation; `path` is the spec's template, so the operation (and
 * with it scopes and `Version`) is looked up from the generated table.
 *
 * @example
 * export const getContact = route('GET', '/contacts/{contactId}', ({ params, rt }) => ({
 *   status: 200,
 *   body: { contact: … },
 * }));
 */
export function route(method: string, path: string, handle: RouteDef['handle']): RouteDef {
  return { method, path, handle };
}

/** Hono context variables set by the middleware chain. */
export interface AppEnv {
  Variables: {
    match: OperationMatch<RouteDef> | null;
    token: TokenRecord;
    location: LocationRecord;
    body: unknown;
    rate: Pick<RateDecision, 'remaining' | 'dailyRemaining'>;
  };
}
