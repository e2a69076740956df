import type { Clock } from '@ghl-bridge/client';
import type { ActiveFault } from './faults.js';
import type { OperationMatch } from './operations.js';
import type { RateBucket, RateDecision, RateLimits } from './rateLimit.js';
import type { CompanyRecord, LocationRecord, TokenRecord } from './locations/model.js';
import type { CompanyTokenRecord } from './oauth/model.js';
import type { EmulatorState } from './state.js';
import type { EmulatorEvent } from './webhooks/core/emulatorEvent.js';
import { authClassNotSupported } from './errors.js';

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

/** A request made with an agency (Company) OAuth token. */
export interface AgencyRouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  token: CompanyTokenRecord;
  company: CompanyRecord;
  rt: Runtime;
}

/** A request to an operation the spec declares without security (`POST /oauth/token`). */
export interface OpenRouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  rt: Runtime;
}

export interface RouteResult {
  status: number;
  body: unknown;
  /**
   * Set for a file answer (a call recording, a transcript download): `body` is its bytes or text,
   * sent with these headers instead of as JSON.
   */
  file?: { contentType: string; disposition: string };
}

/** One HighLevel operation the emulator implements: its spec method and path template. */
export interface RouteDef {
  method: string;
  path: string;
  handle(req: RouteRequest): RouteResult | Promise<RouteResult>;
  /** Serves agency (Company) tokens; without it they get 401 "This AuthClass is not …". */
  handleAgency?: (req: AgencyRouteRequest) => RouteResult | Promise<RouteResult>;
  /** Set for operations without security: no token is read and `handle` is not called. */
  handleOpen?: (req: OpenRouteRequest) => RouteResult | Promise<RouteResult>;
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

/**
 * An operation only agency (Company) tokens may call (the spec's `Agency-Access-Only`). A
 * Location token gets 401 "This AuthClass is not yet supported by the IAM Service".
 *
 * @example
 * export const installedLocations = agencyRoute('GET', '/oauth/installedLocations', ({ company }) => …);
 */
export function agencyRoute(
  method: string,
  path: string,
  handleAgency: NonNullable<RouteDef['handleAgency']>,
): RouteDef {
  const handle = () => {
    throw authClassNotSupported();
  };
  return { method, path, handle, handleAgency };
}

/**
 * An operation the spec declares without security: it is served without a token.
 *
 * @example
 * export const tokenRoute = openRoute('POST', '/oauth/token', ({ body, rt }) => …);
 */
export function openRoute(
  method: string,
  path: string,
  handleOpen: NonNullable<RouteDef['handleOpen']>,
): RouteDef {
  return { method, path, handle: handleOpen, handleOpen };
}

/** Hono context variables set by the middleware chain. */
export interface AppEnv {
  Variables: {
    match: OperationMatch<RouteDef> | null;
    token: TokenRecord;
    location: LocationRecord;
    /** Set instead of `token` and `location` for an agency (Company) token. */
    agency: { token: CompanyTokenRecord; company: CompanyRecord } | undefined;
    body: unknown;
    rate: Pick<RateDecision, 'remaining' | 'dailyRemaining'>;
  };
}
