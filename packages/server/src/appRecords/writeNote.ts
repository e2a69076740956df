/**
 * Writing an app note to HighLevel (`/contacts/{contactId}/notes`): created once, updated when the
 * app edits it, deleted when the app deletes it; each state remembered as told.
 */
import { createdNote } from './core/createdRecords.js';
import type { DesiredNote } from './core/items.js';
import { createOnce, deleteGone } from './createOnce.js';
import { idsTakenBesides, itemWritten, type AppItemRow } from './itemStore.js';
import type { RecordContext } from './recordContext.js';
import { noteEditState, noteState } from '../reconciliation/core/recordState.js';
import { rememberWritten } from './rememberWritten.js';

/**
 * Writes `row`'s latest revision under the HighLevel contact `contactId`.
 *
 * @example await writeNote(ctx, 'c_1', row);
 */
export async function writeNote(
  ctx: RecordContext,
  contactId: string,
  row: AppItemRow,
): Promise<void> {
  const revision = Number(row.revision);
  const remember = (id: string, stage: 'created' | 'deleted') =>
    rememberWritten(ctx.db, ctx.locationId, noteState(id, stage), contactId);
  let id = row.highlevel_id ?? (await madeEarlier(ctx, contactId, row));
  if (row.deleted) {
    if (id) {
      await deleteGone(() => ctx.hl.notes.delete(contactId, id!));
      await remember(id, 'deleted');
    }
    await itemWritten(ctx.db, row, { revision, highLevelId: null, written: null });
    return;
  }

  const desired = row.desired as unknown as DesiredNote;
  let written = row.written as DesiredNote | null;
  if (!id) {
    written = { body: desired.body };
    id = await createOnce(
      ctx,
      row,
      written,
      () => ctx.hl.notes.create(contactId, { body: desired.body }),
      () =>
        madeEarlier(ctx, contactId, {
          ...row,
          written: { ...written },
          create_started_at: new Date(),
        }),
    );
  }
  await remember(id, 'created');
  if (written?.body !== desired.body) {
    await ctx.hl.notes.update(contactId, id, { body: desired.body });
    await rememberWritten(
      ctx.db,
      ctx.locationId,
      noteEditState(id, desired.body, Date.now()),
      contactId,
    );
    written = { body: desired.body };
  }
  await itemWritten(ctx.db, row, { revision, highLevelId: id, written });
}

/** The note an earlier create made, when one started and its answer was lost. */
async function madeEarlier(
  ctx: RecordContext,
  contactId: string,
  row: AppItemRow,
): Promise<string | undefined> {
  const sent = row.written as DesiredNote | null;
  if (row.highlevel_id || !row.create_started_at || !sent) return undefined;
  const notes = await ctx.hl.notes.list(contactId);
  return createdNote(notes, sent.body, row.create_started_at, await idsTakenBesides(ctx.db, row));
}
