/**
 * What the note and task routes answer: a version taken (202), taken before or stale (200), a
 * delete (202); and the refusals they share.
 */
import type { Context } from 'hono';
import { acceptItemDelete, acceptItemVersion } from '../appRecords/acceptItem.js';
import type { ItemKey, ItemVersion } from '../appRecords/itemStore.js';
import { itemView } from '../appRecords/recordViews.js';
import { contactNotFound, itemDeleted, itemNotFound } from './appRecordSchemas.js';
import type { AppDeps } from './deps.js';
import type { AppEnv } from './env.js';

/**
 * Stores `version` of the note or task `key` -> its view and the outcome, with the status to
 * answer; 409 when the contact was never PUT or the app deleted the note or task.
 *
 * @example const { status, answer } = await itemVersionAnswer(c, deps, key, version);
 */
export async function itemVersionAnswer(
  c: Context<AppEnv>,
  deps: AppDeps,
  key: ItemKey,
  version: ItemVersion,
) {
  const accepted = await acceptItemVersion(deps.database.db, deps.queue, key, version);
  if (accepted.outcome === 'contact_not_found') {
    throw contactNotFound(409, key.workspaceId, key.contactExternalId);
  }
  if (accepted.outcome === 'deleted') throw itemDeleted(key.kind, key.externalId);
  c.set('log', c.get('log').child({ ...key, version: version.version, outcome: accepted.outcome }));
  return {
    status: accepted.outcome === 'accepted' ? (202 as const) : (200 as const),
    answer: { ...itemView(accepted.row), outcome: accepted.outcome },
  };
}

/**
 * Marks the note or task `key` deleted -> its view; 404 when the app never sent it.
 *
 * @example return c.json(await itemDeleteAnswer(c, deps, key), 202);
 */
export async function itemDeleteAnswer(c: Context<AppEnv>, deps: AppDeps, key: ItemKey) {
  const row = await acceptItemDelete(deps.database.db, deps.queue, key);
  if (!row) throw itemNotFound(key.kind, key.externalId);
  c.set('log', c.get('log').child({ ...key, deleted: true }));
  return itemView(row);
}
