/**
 * Which HighLevel scopes a workspace needs, the cheap call that proves each one, and what the
 * answers mean. Pure: the calls are made by `checkConnection`.
 *
 * HighLevel checks the scope before the Location and before the body
 * (docs/highlevel-behaviour.md#auth-error-triad), so a deliberately incomplete write (an empty
 * body, an id that cannot exist) proves a write scope without writing anything. Notes and tags of
 * contacts are `contacts.*` scopes; there are no separate ones (apps/contacts.json).
 */
import type { HighLevelErrorCode } from '@ghl-bridge/client';

export const FEATURES = ['bookings', 'voice'] as const;
export type Feature = (typeof FEATURES)[number];

export interface ScopeProbe {
  scope: string;
  /** In plain words, for `doctor` and error details. */
  label: string;
  method: 'GET' | 'POST' | 'PUT';
  /** The spec's path template; `{locationId}` is the Location being connected. */
  path: string;
  /** Other path parameters. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /**
   * The call sends input HighLevel must refuse (an empty body, an id that does not exist): a
   * 400/404/422 then proves the scope, since the scope is checked first.
   */
  refusedInput: boolean;
}

/** An id no HighLevel object has, for write probes. */
export const PROBE_ID = 'ghl-bridge-scope-check';

export const PROBES: Record<string, ScopeProbe> = {
  'locations.readonly': {
    scope: 'locations.readonly',
    label: 'read the Location (sub-account)',
    method: 'GET',
    path: '/locations/{locationId}',
    refusedInput: false,
  },
  'contacts.readonly': {
    scope: 'contacts.readonly',
    label: 'read contacts, their notes and tags',
    method: 'GET',
    path: '/contacts/',
    query: { locationId: '{locationId}', limit: '1' },
    refusedInput: false,
  },
  'contacts.write': {
    scope: 'contacts.write',
    label: 'write contacts, their notes and tags',
    method: 'PUT',
    path: '/contacts/{contactId}',
    params: { contactId: PROBE_ID },
    body: {},
    refusedInput: true,
  },
  'locations/customFields.readonly': {
    scope: 'locations/customFields.readonly',
    label: 'read custom fields',
    method: 'GET',
    path: '/locations/{locationId}/customFields',
    refusedInput: false,
  },
  'locations/customFields.write': {
    scope: 'locations/customFields.write',
    label: 'create custom fields',
    method: 'POST',
    path: '/locations/{locationId}/customFields',
    body: {},
    refusedInput: true,
  },
  'calendars.readonly': {
    scope: 'calendars.readonly',
    label: 'read calendars and free slots',
    method: 'GET',
    path: '/calendars/',
    query: { locationId: '{locationId}' },
    refusedInput: false,
  },
  'calendars/events.readonly': {
    scope: 'calendars/events.readonly',
    label: 'read appointments',
    method: 'GET',
    path: '/calendars/events',
    query: { locationId: '{locationId}', calendarId: PROBE_ID, startTime: '0', endTime: '1' },
    refusedInput: true,
  },
  'calendars/events.write': {
    scope: 'calendars/events.write',
    label: 'book, move and cancel appointments',
    method: 'POST',
    path: '/calendars/events/appointments',
    body: {},
    refusedInput: true,
  },
};

const FEATURE_SCOPES: Record<Feature, string[]> = {
  bookings: [
    'contacts.readonly',
    'contacts.write',
    'locations/customFields.readonly',
    'locations/customFields.write',
  ],
  voice: [
    'calendars.readonly',
    'calendars/events.readonly',
    'calendars/events.write',
    'contacts.readonly',
    'contacts.write',
  ],
};

/**
 * Every scope the workspace's features need, `locations.readonly` first (it also proves the
 * Location).
 *
 * @example
 * requiredScopes(['bookings']); // ['locations.readonly', 'contacts.readonly', …]
 */
export function requiredScopes(features: readonly string[]): string[] {
  const scopes = new Set<string>(['locations.readonly']);
  for (const feature of features) {
    for (const scope of FEATURE_SCOPES[feature as Feature] ?? []) scopes.add(scope);
  }
  return [...scopes];
}

/** What one probe's answer says. */
export type ProbeVerdict =
  'held' | 'missing' | 'invalid_token' | 'wrong_location' | 'unavailable' | 'unexpected';

/** A HighLevel error code, or `unexpected` for anything that is not a HighLevel error. */
export type ProbeAnswer = { ok: true } | { ok: false; code: HighLevelErrorCode | 'unexpected' };

/**
 * Reads one answer.
 *
 * @example
 * classifyProbe(PROBES['contacts.write']!, { ok: false, code: 'not_found' }); // 'held'
 */
export function classifyProbe(probe: ScopeProbe, answer: ProbeAnswer): ProbeVerdict {
  if (answer.ok) return 'held';
  switch (answer.code) {
    case 'invalid_token':
      return 'invalid_token';
    case 'scope_not_authorized':
      return 'missing';
    case 'location_access_denied':
      return 'wrong_location';
    case 'not_found':
    case 'bad_request':
    case 'validation':
      if (probe.refusedInput) return 'held';
      // The Location itself was not found: a wrong or mistyped Location ID.
      return probe.scope === 'locations.readonly' ? 'wrong_location' : 'unexpected';
    case 'rate_limited':
    case 'server_error':
    case 'network':
    case 'timeout':
    case 'outcome_unknown':
      return 'unavailable';
    default:
      return 'unexpected';
  }
}

export interface ProbeResult {
  scope: string;
  label: string;
  verdict: ProbeVerdict;
  /** HighLevel's message when it refused. */
  message?: string;
  /**
   * No answer came from HighLevel (DNS, connection, timeout), so nothing was learnt; after the
   * first check got none, the others are not made and carry its reason.
   */
  noAnswer?: NoAnswer;
}

/** Why a request got no answer: where it went and the system's error code (`ENOTFOUND`). */
export interface NoAnswer {
  url: string;
  /** The network error's code, when the system gave one. */
  code: string | undefined;
  /** The underlying error's own words ("bad port"), when there is no code. */
  detail?: string;
  timedOut: boolean;
}

export type ConnectionVerdict =
  | { ok: true }
  | { ok: false; problem: 'invalid_credentials' | 'location_mismatch' | 'unavailable' }
  | { ok: false; problem: 'missing_scopes'; missing: string[] };

/**
 * The verdict over every probe, the most fundamental problem first: a dead key hides
 * everything else, a key of another sub-account hides its scopes.
 */
export function connectionVerdict(results: readonly ProbeResult[]): ConnectionVerdict {
  const has = (verdict: ProbeVerdict) => results.some((r) => r.verdict === verdict);
  if (has('invalid_token')) return { ok: false, problem: 'invalid_credentials' };
  if (has('wrong_location')) return { ok: false, problem: 'location_mismatch' };
  const missing = results.filter((r) => r.verdict === 'missing').map((r) => r.scope);
  if (missing.length > 0) return { ok: false, problem: 'missing_scopes', missing };
  if (has('unavailable') || has('unexpected')) return { ok: false, problem: 'unavailable' };
  return { ok: true };
}
