/** What a job of the `app-records` queue writes with: the database, the Location and HighLevel. */
import type { HighLevel } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface RecordContext {
  db: Kysely<DB>;
  hl: HighLevel;
  workspaceId: string;
  /** The connected Location: where the contact is written. */
  locationId: string;
}
