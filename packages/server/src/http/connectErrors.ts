/**
 * What a failed connection check tells the user: one `HttpError` per verdict, each message saying
 * what to do in HighLevel to fix it, rather than a bare status. Never includes the key.
 */
import { HttpError } from './httpError.js';
import type { ConnectionCheck } from '../highlevel/checkConnection.js';
import { PROBES } from '../highlevel/core/scopeChecks.js';

export function connectError(
  check: ConnectionCheck,
  locationId: string,
  auth: 'api_key' | 'oauth' = 'api_key',
): HttpError | undefined {
  const { verdict } = check;
  if (verdict.ok) return undefined;
  if (auth === 'oauth') return installError(check, locationId);
  switch (verdict.problem) {
    case 'invalid_credentials':
      return new HttpError(
        422,
        'invalid_credentials',
        'HighLevel rejected this API key: it is mistyped, revoked or was rotated. Copy the Private Integration token again from Settings → Private Integrations of the sub-account.',
      );
    case 'location_mismatch':
      return new HttpError(
        422,
        'location_mismatch',
        `Location ID ${locationId} does not match this API key’s sub-account. Copy the Location ID from Settings → Business Profile of the same sub-account the key was created in (or create the key in sub-account ${locationId}).`,
        { locationId },
      );
    case 'missing_scopes':
      return new HttpError(
        422,
        'missing_scopes',
        `This API key lacks ${verdict.missing.length === 1 ? 'a scope' : 'scopes'} the workspace needs: ${verdict.missing.join(', ')}. In HighLevel, edit the Private Integration (Settings → Private Integrations), tick ${verdict.missing.length === 1 ? 'it' : 'them'} and save; the key stays the same.`,
        {
          missingScopes: verdict.missing,
          missing: verdict.missing.map((scope) => ({ scope, neededTo: PROBES[scope]?.label })),
          requiredScopes: check.results.map((r) => r.scope),
        },
      );
    case 'unavailable':
      return new HttpError(
        502,
        'highlevel_unavailable',
        'HighLevel could not be reached or answered with an error while the key was checked; nothing was saved. Try again in a minute.',
        {
          checks: check.results
            .filter((r) => r.verdict === 'unavailable' || r.verdict === 'unexpected')
            .map((r) => ({ scope: r.scope, message: r.message })),
        },
      );
  }
}

/** The same verdicts for a connection through the app's install: the fix is in the app. */
function installError(check: ConnectionCheck, locationId: string): HttpError | undefined {
  const { verdict } = check;
  if (verdict.ok) return undefined;
  switch (verdict.problem) {
    case 'invalid_credentials':
    case 'location_mismatch':
      return new HttpError(
        422,
        'invalid_credentials',
        `HighLevel refused the app's token for Location ${locationId}: the app was uninstalled from it or its authorization was revoked. Install the app again (GET /v1/oauth/install) and choose this Location.`,
      );
    case 'missing_scopes':
      return new HttpError(
        422,
        'missing_scopes',
        `The app's install lacks ${verdict.missing.length === 1 ? 'a scope' : 'scopes'} the workspace needs: ${verdict.missing.join(', ')}. Add ${verdict.missing.length === 1 ? 'it' : 'them'} to the app's scopes in the HighLevel marketplace and to GHL_OAUTH_SCOPES, then install the app again.`,
        {
          missingScopes: verdict.missing,
          missing: verdict.missing.map((scope) => ({ scope, neededTo: PROBES[scope]?.label })),
          requiredScopes: check.results.map((r) => r.scope),
        },
      );
    case 'unavailable':
      return connectError(check, locationId, 'api_key');
  }
}
