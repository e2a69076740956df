/**
 * Accepting a version of an app contact: storing it and enqueueing the job that writes HighLevel
 * happen in one transaction, so a version is never stored without its write, nor written without
 * being stored. Only a version newer than the stored one changes anything.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { JobQueue } from '../queue/jobQueue.js';
import {
  hasIdentity,
  nextDesired,
  type AppContactFields,
  type DesiredContact,
} from './core/contactFields.js';
import type { RecordProblem } from './core/contactPhone.js';
import { versionOutcome, type VersionOutcome } from './core/versions.js';
import { findAppContact, storeContactVersion, type AppContactRow } from './contactStore.js';
import { enqueueContactSync } from './recordQueue.js';

/** A version of a contact as the app sent it, its phone read. */
export interface ContactVersion {
  externalId: string;
  version: number;
  updatedAt: Date;
  /** The fields sent; an unreadable phone is left out (and in `problems`). */
  fields: AppContactFields;
  tags: string[] | undefined;
  problems: RecordProblem[];
}

export type AcceptedContact =
  | { outcome: VersionOutcome; row: AppContactRow }
  /** HighLevel does not know the contact yet, and the version gives no email or phone to find it by. */
  | { outcome: 'needs_identity' };

/**
 * Stores `version` of the workspace's contact if it is newer than the stored one, with its job.
 *
 * @example const accepted = await acceptContactVersion(db, queue, 'ws_1', version);
 */
export function acceptContactVersion(
  db: Kysely<DB>,
  queue: JobQueue,
  workspaceId: string,
  version: ContactVersion,
): Promise<AcceptedContact> {
  return db.transaction().execute(async (trx) => {
    // Twice at most: a first version stored by another request between the read and the insert
    // is read again, locked, and compared like any stored one.
    for (let attempt = 0; attempt < 2; attempt++) {
      const stored = await findAppContact(trx, workspaceId, version.externalId, { lock: true });
      const outcome = versionOutcome(stored ? Number(stored.version) : undefined, version.version);
      if (stored && outcome !== 'accepted') return { outcome, row: stored };
      const desired = nextDesired(
        stored?.desired as DesiredContact | undefined,
        version.fields,
        version.tags,
      );
      if (!hasIdentity(desired.fields)) return { outcome: 'needs_identity' };
      const row = await storeContactVersion(
        trx,
        workspaceId,
        version.externalId,
        {
          version: version.version,
          updatedAt: version.updatedAt,
          desired,
          problems: version.problems,
        },
        stored,
      );
      if (!row) continue;
      await enqueueContactSync(trx, queue, workspaceId, version.externalId);
      return { outcome, row };
    }
    throw new Error(`Contact ${version.externalId} could not be stored`);
  });
}
