/**
 * The background connection check: reads the Location with the stored key and records the
 * outcome (`lastCheckedAt`, `lastError`) and the Location's country. Idempotent: running it twice records the same thing.
 * HighLevel being unreachable fails the job so the queue retries it; HighLevel refusing the key
 * is an outcome, recorded, not retried.
 */
import { HighLevelError, type HighLevel } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import { CredentialKeyError } from '../crypto/credentials.js';
import type { DB } from '../db/schema.js';
import type { JobHandler, JobQueue, QueueDefinition } from '../queue/jobQueue.js';
import { locationCountry } from './checkConnection.js';
import type { HighLevelClients } from './clients.js';
import { ConnectionPausedError } from '../oauth/installAuth.js';
import { findConnection, recordCheck } from './connectionStore.js';

export const CONNECTION_CHECK_QUEUE = 'connection-check';

export const connectionCheckQueue: QueueDefinition = { policy: 'standard', retryLimit: 5 };

export interface ConnectionCheckJob {
  workspaceId: string;
}

const RETRYABLE = new Set([
  'network',
  'timeout',
  'server_error',
  'rate_limited',
  'outcome_unknown',
]);

export function connectionCheckHandler(deps: {
  db: Kysely<DB>;
  highLevel: HighLevelClients;
  /** For the `connection.needs_attention` webhook a new error emits. */
  queue: JobQueue;
}): JobHandler<ConnectionCheckJob> {
  return async ({ data }) => {
    const row = await findConnection(deps.db, data.workspaceId);
    // Disconnected meanwhile: nothing to check.
    if (!row) return;
    let client: HighLevel;
    try {
      client = deps.highLevel.forConnection(row);
    } catch (cause) {
      // A key the configured secret keys cannot open will not open on a retry either.
      if (!(cause instanceof CredentialKeyError)) throw cause;
      await recordCheck(deps.db, deps.queue, data.workspaceId, {
        at: new Date(),
        error: cause.message,
      });
      return;
    }
    let error: string | null = null;
    let country: string | undefined;
    try {
      const body = await client.raw('GET', '/locations/{locationId}', {
        path: { locationId: row.location_id },
        priority: 'normal',
      });
      country = locationCountry((body as { location?: Record<string, unknown> }).location);
    } catch (cause) {
      // A paused connection stays paused: the install's state says why, the check adds nothing.
      if (cause instanceof ConnectionPausedError) return;
      if (!(cause instanceof HighLevelError) || RETRYABLE.has(cause.code)) throw cause;
      error = `${cause.code}: ${cause.message}`;
    }
    await recordCheck(deps.db, deps.queue, data.workspaceId, {
      at: new Date(),
      error,
      locationCountry: country,
    });
  };
}
