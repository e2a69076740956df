/**
 * Whose credentials the poll of a Location calls HighLevel with. Several workspaces may be
 * connected to one Location; the Location is polled once, with one of their connections. Every
 * HighLevel call of the poll goes through the client `highLevelFor` makes, so the credentials are
 * chosen in this one place.
 */
import type { ClientEvent, HighLevel } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { HighLevelClients } from '../highlevel/clients.js';
import { ConnectionPausedError } from '../oauth/installAuth.js';
import type { ConnectionRow } from '../highlevel/connectionStore.js';

/**
 * The connections to `locationId`: unpaused first, then those with an API key (the app's
 * install may serve several), then those without a recorded error, then the newest.
 *
 * @example const connections = await locationConnections(db, 'loc_1');
 */
export async function locationConnections(
  db: Kysely<DB>,
  locationId: string,
): Promise<ConnectionRow[]> {
  const rows = await db
    .selectFrom('gohighlevel_connections')
    .selectAll()
    .where('location_id', '=', locationId)
    .execute();
  return rows.sort(
    (a, b) =>
      Number(a.paused_reason !== null) - Number(b.paused_reason !== null) ||
      Number(!a.api_key_ciphertext) - Number(!b.api_key_ciphertext) ||
      Number(a.last_error !== null) - Number(b.last_error !== null) ||
      b.connected_at.getTime() - a.connected_at.getTime(),
  );
}

/**
 * A HighLevel client for the poll of the Location of `connections` (from `locationConnections`),
 * acting with the first (its API key, or the app's install); `onEvent` hears its every request.
 * Throws when even the first is paused: a paused Location is not polled.
 *
 * @example const client = highLevelFor(deps, connections, budget.onEvent);
 */
export function highLevelFor(
  deps: { highLevel: HighLevelClients },
  connections: readonly ConnectionRow[],
  onEvent: (event: ClientEvent) => void,
): HighLevel {
  const [connection] = connections;
  if (!connection) throw new Error('No workspace is connected to this Location');
  if (connection.paused_reason !== null) throw new ConnectionPausedError(connection.paused_reason);
  return deps.highLevel.forConnection(connection, onEvent);
}
