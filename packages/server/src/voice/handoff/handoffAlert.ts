/**
 * Raising a handoff's alert (docs/vapi.md#handoff-and-alerts): the caller's contact (the
 * booking's, else found by the calling number, else created with it), the `voice.handoff` webhook
 * event, and a HighLevel task for the alert user. Each step is journaled on the handoff's row, so
 * running the alert again (the `voice-handoff-alert` job) does only what is still undone.
 */
import type { Logger } from '../../logger.js';
import { emitWebhookEvent } from '../../webhooksOut/emit.js';
import { toE164 } from '../../core/phone.js';
import type { VoiceContext } from '../context.js';
import { auditUrl, handoffEventData, handoffTask, isHandoffTaskOf } from './core/handoffAlert.js';
import {
  markTaskStarted,
  markTold,
  rememberContact,
  taskDone,
  type StoredHandoff,
} from './handoffStore.js';

/** What telling the booking app needs: no HighLevel connection. */
export type TellingContext = Pick<VoiceContext, 'db' | 'queue' | 'publicUrl'>;

/** Why a handoff gets no task: there is no one to put it on. */
export const NO_CONTACT_FOR_TASK = 'no contact: the call came without a number or a booking';

/**
 * Stores the `voice.handoff` event for every subscribed endpoint, once: the handoff is marked
 * told in the same transaction.
 *
 * @example await tellWebhooks(ctx, handoff);
 */
export async function tellWebhooks(ctx: TellingContext, handoff: StoredHandoff): Promise<void> {
  if (handoff.told) return;
  const data = handoffEventData(
    handoff,
    auditUrl(ctx.publicUrl, handoff.workspaceId, handoff.callId),
  );
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await markTold(trx, handoff))) return;
    await emitWebhookEvent(trx, ctx.queue, handoff.workspaceId, {
      type: 'voice.handoff',
      data,
      at: handoff.at,
    });
  });
}

/**
 * The caller's contact for the task: the one known, else the Location's contact with the calling
 * number, else a new contact with it; undefined when the call came without a number.
 */
async function callersContact(ctx: VoiceContext, handoff: StoredHandoff) {
  if (handoff.contactId) return handoff.contactId;
  const phone = handoff.callerNumber && toE164(handoff.callerNumber);
  if (!phone) return undefined;
  const { hl, locationId } = ctx;
  const found = await hl.contacts.findDuplicate({ locationId, phone });
  // A caller the Location has never seen still needs a contact for the team to call back.
  const contactId =
    found?.id ?? (await hl.contacts.create({ locationId, phone, source: 'voice' })).id;
  if (!contactId) throw new Error('HighLevel created a contact without an id');
  await rememberContact(ctx.db, handoff, contactId);
  return contactId;
}

/** The task on the caller's contact, once: after a create whose answer was lost, it is found. */
async function makeTask(ctx: VoiceContext, handoff: StoredHandoff): Promise<void> {
  if (handoff.taskId !== undefined || handoff.taskSkipped !== undefined) return;
  const contactId = await callersContact(ctx, handoff);
  if (!contactId) {
    ctx.log.info({ callId: handoff.callId }, 'voice handoff: no task, the caller has no contact');
    await taskDone(ctx.db, handoff, { skipped: NO_CONTACT_FOR_TASK });
    return;
  }
  if (handoff.taskStarted) {
    const tasks = await ctx.hl.tasks.list(contactId);
    const made = tasks.find((task) => isHandoffTaskOf(task.body, handoff.callId));
    if (made) {
      await taskDone(ctx.db, handoff, { taskId: made.id ?? '' });
      return;
    }
  }
  await markTaskStarted(ctx.db, handoff);
  const task = await ctx.hl.tasks.create(
    contactId,
    handoffTask(
      { ...handoff, contactId },
      {
        auditUrl: auditUrl(ctx.publicUrl, handoff.workspaceId, handoff.callId),
        alertUserId: ctx.settings.handoff.alertUserId,
        at: handoff.at,
      },
    ),
  );
  await taskDone(ctx.db, handoff, { taskId: task.id ?? '' });
}

/** Runs `step`; a failure is logged and kept, so the other steps still run. */
async function attempt(log: Logger, what: string, step: () => Promise<void>, failures: unknown[]) {
  try {
    await step();
  } catch (error) {
    log.warn({ err: error, step: what }, 'voice handoff alert step failed');
    failures.push(error);
  }
}

/**
 * The alert for a stored handoff: what is undone of it. The contact is settled first so the event
 * can name it; a step that fails does not hold up the others, and the alert rejects at the end
 * so it is retried (`handoffJob.ts`).
 *
 * @example await raiseHandoffAlert(ctx, handoff);
 */
export async function raiseHandoffAlert(ctx: VoiceContext, handoff: StoredHandoff): Promise<void> {
  const failures: unknown[] = [];
  let current = handoff;
  if (!handoff.told || handoff.taskId === undefined) {
    await attempt(
      ctx.log,
      'contact',
      async () => {
        const contactId = handoff.taskSkipped ? undefined : await callersContact(ctx, handoff);
        if (contactId) current = { ...handoff, contactId };
      },
      failures,
    );
  }
  await attempt(ctx.log, 'webhook', () => tellWebhooks(ctx, current), failures);
  await attempt(ctx.log, 'task', () => makeTask(ctx, current), failures);
  if (failures.length > 0) {
    throw new AggregateError(failures, `voice handoff alert: ${failures.length} step(s) failed`);
  }
}
