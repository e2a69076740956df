/**
 * Accepting a note's or task's version, or its delete, under an app contact: stored with the job
 * that writes HighLevel, in one transaction. A note or task belongs to a contact the app has PUT;
 * a delete is final.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { JobQueue } from '../queue/jobQueue.js';
import { versionOutcome, type VersionOutcome } from './core/versions.js';
import { findAppContact } from './contactStore.js';
import {
  findItem,
  storeItemDeleted,
  storeItemVersion,
  type AppItemRow,
  type ItemKey,
  type ItemVersion,
} from './itemStore.js';
import { enqueueContactSync } from './recordQueue.js';

export type AcceptedItem =
  | { outcome: VersionOutcome; row: AppItemRow }
  | { outcome: 'contact_not_found' }
  /** The app deleted it: a deleted note or task does not come back. */
  | { outcome: 'deleted'; row: AppItemRow };

/**
 * Stores `version` of the note or task `key` if it is newer than the stored one, with its job.
 *
 * @example const accepted = await acceptItemVersion(db, queue, key, { version: 1, updatedAt, desired });
 */
export function acceptItemVersion(
  db: Kysely<DB>,
  queue: JobQueue,
  key: ItemKey,
  version: ItemVersion,
): Promise<AcceptedItem> {
  return db.transaction().execute(async (trx) => {
    // The contact locked: its job is enqueued beside this row, and nothing deletes it meanwhile.
    const contact = await findAppContact(trx, key.workspaceId, key.contactExternalId, {
      lock: true,
    });
    if (!contact) return { outcome: 'contact_not_found' };
    for (let attempt = 0; attempt < 2; attempt++) {
      const stored = await findItem(trx, key, { lock: true });
      if (stored?.deleted) return { outcome: 'deleted', row: stored };
      const outcome = versionOutcome(stored ? Number(stored.version) : undefined, version.version);
      if (stored && outcome !== 'accepted') return { outcome, row: stored };
      const row = await storeItemVersion(trx, key, version, stored);
      if (!row) continue;
      await enqueueContactSync(trx, queue, key.workspaceId, key.contactExternalId);
      return { outcome, row };
    }
    throw new Error(`The ${key.kind} ${key.externalId} could not be stored`);
  });
}

/**
 * Marks the note or task `key` deleted, with the job that deletes it in HighLevel; undefined when
 * the app never sent it. Deleting it again changes nothing.
 *
 * @example const row = await acceptItemDelete(db, queue, key);
 */
export function acceptItemDelete(
  db: Kysely<DB>,
  queue: JobQueue,
  key: ItemKey,
): Promise<AppItemRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const contact = await findAppContact(trx, key.workspaceId, key.contactExternalId, {
      lock: true,
    });
    if (!contact) return undefined;
    const stored = await findItem(trx, key, { lock: true });
    if (!stored || stored.deleted) return stored;
    const row = await storeItemDeleted(trx, key);
    await enqueueContactSync(trx, queue, key.workspaceId, key.contactExternalId);
    return row;
  });
}
