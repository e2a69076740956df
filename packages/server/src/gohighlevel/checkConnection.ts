/**
 * Checks a HighLevel API key against a Location, live: the Location itself, then one cheap call
 * per scope the workspace needs. Used by connect (PUT …/integrations/gohighlevel), by the
 * background connection check and by `ghl-bridge doctor`.
 */
import { HighLevelError, type HighLevel } from '@ghl-bridge/client';
import {
  classifyProbe,
  connectionVerdict,
  PROBES,
  type ConnectionVerdict,
  type ProbeAnswer,
  type ProbeResult,
  type ScopeProbe,
} from './scopeChecks.js';

export interface ConnectionCheck {
  /** The Location as HighLevel describes it, when it could be read. */
  location: { id: string; name: string | undefined; timezone: string | undefined } | undefined;
  results: ProbeResult[];
  verdict: ConnectionVerdict;
}

async function runProbe(
  client: HighLevel,
  probe: ScopeProbe,
  locationId: string,
): Promise<{ answer: ProbeAnswer; body?: unknown; message?: string }> {
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
      return { answer: { ok: false, code: error.code }, message: error.message };
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
    },
  ];
  // A dead key fails every call the same way: one call is enough to say so.
  if (results[0]!.verdict !== 'invalid_token') {
    const others = scopes.filter((s) => s !== locationProbe.scope).map((s) => PROBES[s]!);
    const answers = await Promise.all(others.map((p) => runProbe(client, p, locationId)));
    others.forEach((probe, i) => {
      const { answer, message } = answers[i]!;
      results.push({
        scope: probe.scope,
        label: probe.label,
        verdict: classifyProbe(probe, answer),
        ...(message ? { message } : {}),
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
        }
      : undefined,
    results,
    verdict: connectionVerdict(results),
  };
}
