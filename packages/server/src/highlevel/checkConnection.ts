/**
 * Checks a HighLevel API key against a Location, live: the Location itself, then one cheap call
 * per scope the workspace needs. Used by connect (PUT …/integrations/gohighlevel), by the
 * background connection check and by `ghl-bridge doctor`.
 */
import { HighLevelError, type HighLevel } from '@ghl-bridge/client';
import { toCountryCode, type CountryCode } from '../core/phone.js';
import {
  classifyProbe,
  connectionVerdict,
  PROBES,
  type ConnectionVerdict,
  type NoAnswer,
  type ProbeAnswer,
  type ProbeResult,
  type ScopeProbe,
} from './core/scopeChecks.js';

export interface ConnectionCheck {
  /** The Location as HighLevel describes it, when it could be read. */
  location:
    | {
        id: string;
        name: string | undefined;
        timezone: string | undefined;
        /** `location.country`, when it is a known country code. */
        country?: CountryCode | undefined;
      }
    | undefined;
  results: ProbeResult[];
  verdict: ConnectionVerdict;
}

async function runProbe(
  client: HighLevel,
  probe: ScopeProbe,
  locationId: string,
): Promise<{ answer: ProbeAnswer; body?: unknown; message?: string; noAnswer?: NoAnswer }> {
  const fill = (value: string) => value.replaceAll('{locationId}', locationId);
  const query = probe.query
    ? Object.fromEntries(Object.entries(probe.query).map(([k, v]) => [k, fill(v)]))
    : undefined;
  try {
    const body = await client.raw(probe.method, probe.path, {
      path: { locationId, ...probe.params },
      query,
      body: probe.body,
      locationId,
      priority: 'interactive',
    });
    return { answer: { ok: true }, body };
  } catch (error) {
    if (error instanceof HighLevelError) {
      const noAnswer = unanswered(error);
      return {
        answer: { ok: false, code: error.code },
        message: error.message,
        ...(noAnswer ? { noAnswer } : {}),
      };
    }
    return { answer: { ok: false, code: 'unexpected' }, message: String(error) };
  }
}

/**
 * Runs the checks; never throws for HighLevel's answers, only reports them.
 *
 * @example
 * const check = await checkConnection(client, locationId, requiredScopes(['bookings']));
 * if (!check.verdict.ok) console.log(check.verdict.problem);
 */
export async function checkConnection(
  client: HighLevel,
  locationId: string,
  scopes: readonly string[],
): Promise<ConnectionCheck> {
  const locationProbe = PROBES['locations.readonly']!;
  const first = await runProbe(client, locationProbe, locationId);
  const results: ProbeResult[] = [
    {
      scope: locationProbe.scope,
      label: locationProbe.label,
      verdict: classifyProbe(locationProbe, first.answer),
      ...(first.message ? { message: first.message } : {}),
      ...(first.noAnswer ? { noAnswer: first.noAnswer } : {}),
    },
  ];
  // A dead key fails every call the same way: one call is enough to say so. An unreachable
  // HighLevel too: the other checks are reported as not made, with the first one's reason.
  const unreached = first.noAnswer;
  if (unreached) {
    for (const scope of scopes.filter((s) => s !== locationProbe.scope)) {
      const probe = PROBES[scope]!;
      results.push({
        scope: probe.scope,
        label: probe.label,
        verdict: 'unavailable',
        noAnswer: unreached,
      });
    }
  } else if (results[0]!.verdict !== 'invalid_token') {
    const others = scopes.filter((s) => s !== locationProbe.scope).map((s) => PROBES[s]!);
    const answers = await Promise.all(others.map((p) => runProbe(client, p, locationId)));
    others.forEach((probe, i) => {
      const { answer, message, noAnswer } = answers[i]!;
      results.push({
        scope: probe.scope,
        label: probe.label,
        verdict: classifyProbe(probe, answer),
        ...(message ? { message } : {}),
        ...(noAnswer ? { noAnswer } : {}),
      });
    });
  }
  const location = (first.body as { location?: Record<string, unknown> } | undefined)?.location;
  return {
    location: location
      ? {
          id: typeof location.id === 'string' ? location.id : locationId,
          name: typeof location.name === 'string' ? location.name : undefined,
          timezone: typeof location.timezone === 'string' ? location.timezone : undefined,
          country: locationCountry(location),
        }
      : undefined,
    results,
    verdict: connectionVerdict(results),
  };
}

/**
 * The Location's country from `GET /locations/{locationId}` (`location.country`, an ISO 3166-1
 * alpha-2 code: https://marketplace.gohighlevel.com/docs/ghl/locations/get-location), if it is one
 * libphonenumber knows. Booking phones without +country are read in it.
 *
 * @example locationCountry({ id: 'loc_1', country: 'US' }) // 'US'
 */
export function locationCountry(
  location: Record<string, unknown> | undefined,
): CountryCode | undefined {
  return toCountryCode(location?.country);
}

/**
 * Why a request got no answer, when it got none: a network failure or a timeout, also inside an
 * "outcome unknown" of a write (which is only unknown because nothing came back).
 */
function unanswered(error: HighLevelError): NoAnswer | undefined {
  for (let e: unknown = error, depth = 0; e instanceof HighLevelError && depth < 5; depth++) {
    if ((e.code === 'network' || e.code === 'timeout') && e.request) {
      const cause = innermost(e.cause);
      return {
        url: e.request.url,
        code: cause.code,
        ...(cause.message ? { detail: cause.message } : {}),
        timedOut: e.code === 'timeout',
      };
    }
    e = e.cause;
  }
  return undefined;
}

/** The system's code of a failed connection (`ENOTFOUND`) and the deepest message, from the causes. */
function innermost(error: unknown): { code: string | undefined; message: string | undefined } {
  let code: string | undefined;
  let message: string | undefined;
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const own = (e as { code?: unknown }).code;
    if (code === undefined && typeof own === 'string' && own !== 'ABORT_ERR') code = own;
    if (e instanceof Error && e.message) message = e.message;
    e = (e as { cause?: unknown }).cause;
  }
  return { code, message };
}
