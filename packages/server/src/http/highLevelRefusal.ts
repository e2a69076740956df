/**
 * What a failed HighLevel read with a workspace's stored connection tells the caller: one
 * `HttpError` per kind of failure, saying what to do in HighLevel or in the bridge, told from the
 * client's typed errors (never from HighLevel's wording). The stored key's own failures are 409s
 * (the connection, not the request, needs fixing); HighLevel not answering is a 502.
 */
import {
  AbortedError,
  AuthenticationError,
  HighLevelError,
  LocationAccessError,
  RateLimitError,
  ScopeError,
} from '@ghl-bridge/client';
import { PROBES } from '../highlevel/core/scopeChecks.js';
import { HttpError } from './httpError.js';
import { ConnectionPausedError } from '../oauth/installAuth.js';

export interface HighLevelRead {
  /** What the read was for, after "while": `listing the Location's calendars`. */
  doing: string;
  /** The scope the read needs (scopeChecks.ts `PROBES`). */
  scope: string;
  locationId: string;
}

/**
 * The HTTP error for `error`, or `undefined` when it is not HighLevel's (nor a dropped caller's),
 * for the error handler's 500.
 *
 * @example
 * try { … } catch (error) { throw highLevelRefusal(error, { doing: 'listing calendars', scope: 'calendars.readonly', locationId }) ?? error; }
 */
export function highLevelRefusal(error: unknown, read: HighLevelRead): HttpError | undefined {
  if (error instanceof ConnectionPausedError) {
    return new HttpError(409, 'connection_paused', error.reason);
  }
  // HighLevel's auth failures: docs/highlevel-behaviour.md#auth-error-triad.
  if (error instanceof AuthenticationError) {
    return new HttpError(
      409,
      'credentials_rejected',
      `HighLevel refused the stored API key while ${read.doing}: it is invalid, expired or was revoked. Create a new Private Integration token (Settings → Private Integrations of the sub-account) and connect GoHighLevel again.`,
    );
  }
  if (error instanceof ScopeError) {
    const neededTo = PROBES[read.scope]?.label;
    return new HttpError(
      409,
      'missing_scopes',
      `The stored API key lacks the ${read.scope} scope${neededTo ? `, needed to ${neededTo}` : ''}. In HighLevel, edit the Private Integration (Settings → Private Integrations), tick it and save; the key stays the same.`,
      { missingScopes: [read.scope], missing: [{ scope: read.scope, neededTo }] },
    );
  }
  if (error instanceof LocationAccessError) {
    return new HttpError(
      409,
      'location_access_denied',
      `The stored API key no longer has access to Location ${read.locationId}. Connect GoHighLevel again with a key created in that sub-account.`,
    );
  }
  if (error instanceof RateLimitError) {
    const wait = error.retryAfterMs ? `in ${Math.ceil(error.retryAfterMs / 1000)} s` : 'shortly';
    return new HttpError(
      502,
      'highlevel_rate_limited',
      `HighLevel's rate limit for Location ${read.locationId} is used up (the booking sync and the voice agent share it); try again ${wait}.`,
    );
  }
  // The caller went away: nobody is left to answer.
  if (error instanceof AbortedError) return undefined;
  if (error instanceof HighLevelError) {
    const said = [
      error.code,
      error.status && `HTTP ${error.status}`,
      error.traceId && `traceId ${error.traceId}`,
    ]
      .filter(Boolean)
      .join(', ');
    return new HttpError(
      502,
      'highlevel_unavailable',
      `HighLevel could not be reached or answered with an error while ${read.doing} (${said}): ${error.message} Try again in a minute.`,
    );
  }
  return undefined;
}
