/**
 * What a failed write of an app record means, told from the HighLevel client's typed errors: a
 * retry may fix it (HighLevel's 5xx and 429s, a lost connection, a create whose answer never
 * came), or HighLevel refused it and only a new version can (a 422 or a 404: sent again, it gets
 * the same answer), or the connection needs a person. The reason is in words, with HighLevel's.
 */
import {
  AuthenticationError,
  HighLevelError,
  LocationAccessError,
  NotFoundError,
  RateLimitError,
  ScopeError,
  ValidationError,
} from '@ghl-bridge/client';
import { CredentialKeyError } from '../crypto/credentials.js';
import { ConnectionPausedError } from '../oauth/installAuth.js';

export interface RecordFailure {
  kind: 'retry' | 'refused';
  reason: string;
}

const RECONNECT =
  'Reconnect GoHighLevel (PUT /v1/workspaces/:ws/integrations/gohighlevel), then PUT a new version of the record.';

/**
 * The failure `error` is for a write of a `what` (`contact`, `note`, `task`).
 *
 * @example recordFailure(new ValidationError(…), 'task') // { kind: 'refused', reason: 'HighLevel refused the task: …' }
 */
export function recordFailure(error: unknown, what: string): RecordFailure {
  if (error instanceof ConnectionPausedError) {
    return { kind: 'refused', reason: `${error.reason} ${RECONNECT}` };
  }
  if (error instanceof CredentialKeyError) {
    return {
      kind: 'refused',
      reason: `The stored GoHighLevel API key cannot be decrypted with the configured secret keys (${error.message}). ${RECONNECT}`,
    };
  }
  // HighLevel's auth failures: docs/highlevel-behaviour.md#auth-error-triad.
  if (
    error instanceof AuthenticationError ||
    error instanceof ScopeError ||
    error instanceof LocationAccessError
  ) {
    return {
      kind: 'refused',
      reason: `HighLevel refused the connection's credentials (${error.message}). ${RECONNECT}`,
    };
  }
  if (error instanceof ValidationError) {
    const said = error.messages.join('; ') || error.message;
    return {
      kind: 'refused',
      reason: `HighLevel refused the ${what}: ${said}. Fix it in the app and PUT a new version.`,
    };
  }
  // HighLevel answers a record it does not have with a 400 "… not found" or a 404
  // (docs/highlevel-behaviour.md#not-found-is-400): deleted there, most likely.
  if (error instanceof NotFoundError) {
    return {
      kind: 'refused',
      reason: `HighLevel no longer has the ${what} (${error.message}); it was deleted there, most likely.`,
    };
  }
  if (
    error instanceof HighLevelError &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500 &&
    !(error instanceof RateLimitError)
  ) {
    return {
      kind: 'refused',
      reason: `HighLevel refused the ${what} (HTTP ${error.status}): ${error.message}.`,
    };
  }
  const detail =
    error instanceof HighLevelError ? `${error.code}: ${error.message}` : String(error);
  return { kind: 'retry', reason: `Writing the ${what} to HighLevel failed (${detail}).` };
}
