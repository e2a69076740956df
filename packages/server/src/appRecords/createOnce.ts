/**
 * A note's or task's create that never makes two: journaled `started` (with what it sends) before
 * the call, and when the answer is lost, HighLevel is looked in before the record is counted as
 * not created: by this attempt (the client raises `OutcomeUnknownError` for a create it sent and
 * heard nothing back from, and never sends it again) or by the retry of the job.
 */
import { NotFoundError, OutcomeUnknownError } from '@ghl-bridge/client';
import type { DesiredNote, DesiredTask } from './core/items.js';
import { createStarted, type AppItemRow } from './itemStore.js';
import type { RecordContext } from './recordContext.js';

/**
 * Creates the record with `create` unless `madeEarlier` finds it; returns its HighLevel id.
 *
 * @example const id = await createOnce(ctx, row, { body }, () => hl.notes.create(…), () => findNote(…));
 */
export async function createOnce(
  ctx: RecordContext,
  row: AppItemRow,
  sent: DesiredNote | DesiredTask,
  create: () => Promise<{ id?: string }>,
  madeEarlier: () => Promise<string | undefined>,
): Promise<string> {
  await createStarted(ctx.db, row, sent);
  try {
    const made = await create();
    if (!made.id) throw new Error(`HighLevel answered the ${row.kind} create without an id`);
    return made.id;
  } catch (error) {
    if (!(error instanceof OutcomeUnknownError)) throw error;
    const found = await madeEarlier();
    if (found) return found;
    throw error;
  }
}

/**
 * Runs a delete; a record HighLevel no longer has is deleted already.
 *
 * @example await deleteGone(() => hl.notes.delete(contactId, noteId));
 */
export async function deleteGone(remove: () => Promise<void>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
}
