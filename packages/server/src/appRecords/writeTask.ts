/**
 * Writing an app task to HighLevel (`/contacts/{contactId}/tasks`): created once, completed and
 * reopened through `…/completed` when that is all that changed, updated otherwise, deleted when
 * the app deletes it; each state remembered as told.
 */
import { createdTask } from './core/createdRecords.js';
import { taskBody, taskCall, type DesiredTask } from './core/items.js';
import { createOnce, deleteGone } from './createOnce.js';
import { idsTakenBesides, itemWritten, type AppItemRow } from './itemStore.js';
import type { RecordContext } from './recordContext.js';
import { taskState } from '../reconciliation/core/recordState.js';
import { rememberWritten } from './rememberWritten.js';

/**
 * Writes `row`'s latest revision under the HighLevel contact `contactId`.
 *
 * @example await writeTask(ctx, 'c_1', row);
 */
export async function writeTask(
  ctx: RecordContext,
  contactId: string,
  row: AppItemRow,
): Promise<void> {
  const revision = Number(row.revision);
  const remember = (id: string, stage: 'open' | 'completed' | 'deleted') =>
    rememberWritten(ctx.db, ctx.locationId, taskState(id, stage), contactId);
  let id = row.highlevel_id ?? (await madeEarlier(ctx, contactId, row));
  if (row.deleted) {
    if (id) {
      await deleteGone(() => ctx.hl.tasks.delete(contactId, id!));
      await remember(id, 'deleted');
    }
    await itemWritten(ctx.db, row, { revision, highLevelId: null, written: null });
    return;
  }

  const desired = taskBody(row.desired as unknown as DesiredTask);
  let written = row.written as DesiredTask | null;
  if (!id) {
    written = desired;
    id = await createOnce(
      ctx,
      row,
      desired,
      () => ctx.hl.tasks.create(contactId, desired),
      () =>
        madeEarlier(ctx, contactId, {
          ...row,
          written: { ...desired },
          create_started_at: new Date(),
        }),
    );
  }
  await remember(id, 'open');
  if (written?.completed) await remember(id, 'completed');

  const call = written ? taskCall(written, desired) : 'update';
  if (call === 'completion') await ctx.hl.tasks.complete(contactId, id, desired.completed);
  if (call === 'update') await ctx.hl.tasks.update(contactId, id, desired);
  if (call !== 'none' && desired.completed) await remember(id, 'completed');
  await itemWritten(ctx.db, row, { revision, highLevelId: id, written: desired });
}

/** The task an earlier create made, when one started and its answer was lost. */
async function madeEarlier(
  ctx: RecordContext,
  contactId: string,
  row: AppItemRow,
): Promise<string | undefined> {
  const sent = row.written as DesiredTask | null;
  if (row.highlevel_id || !row.create_started_at || !sent) return undefined;
  const tasks = await ctx.hl.tasks.list(contactId);
  return createdTask(tasks, sent, await idsTakenBesides(ctx.db, row));
}
