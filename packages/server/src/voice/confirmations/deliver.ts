/**
 * Sends one recorded confirmation through HighLevel's conversations API
 * (https://marketplace.gohighlevel.com/docs/ghl/conversations/send-a-new-message): an SMS, or
 * an email with its subject. A row tried before may have gone out with its answer lost: the
 * contact's conversation is read for the same words before it is sent again. Inside quiet hours
 * it waits; a refusal (a 4xx) fails it for good, and the app is told (`voice.confirmation_failed`).
 */
import { stableId } from '../../ids.js';
import { emitWebhookEvent } from '../../webhooksOut/emit.js';
import type { VoiceContext } from '../context.js';
import { quietUntil } from './core/quietHours.js';
import {
  claimAttempt,
  isSettled,
  markFailed,
  markRetry,
  markSent,
  markWaiting,
  type ConfirmationRow,
} from './confirmationStore.js';
import { sendFailure } from './sendFailure.js';

/** What became of a confirmation: done with (for now or for good), to retry, or to send later. */
export type Delivery = { done: true } | { retry: string } | { waitUntil: Date };

/** Messages read back from the newest when looking for a send whose answer was lost. */
const MESSAGES_LOOKED_AT = 50;

const MESSAGE_TYPE = { sms: 'TYPE_SMS', email: 'TYPE_EMAIL' } as const;

/** HighLevel's id of the message with the row's words, when it is in the contact's conversations. */
async function alreadySent(ctx: VoiceContext, row: ConfirmationRow): Promise<string | undefined> {
  const { conversations } = await ctx.hl.conversations.search({
    locationId: ctx.locationId,
    contactId: row.contact_id,
  });
  for (const conversation of conversations) {
    const { messages } = await ctx.hl.conversations.messages(conversation.id, {
      limit: MESSAGES_LOOKED_AT,
      type: MESSAGE_TYPE[row.channel],
    });
    const same = messages.find((m) => m.direction === 'outbound' && m.body === row.body);
    if (same) return same.id;
  }
  return undefined;
}

function send(ctx: VoiceContext, row: ConfirmationRow) {
  const contactId = row.contact_id;
  return row.channel === 'sms'
    ? ctx.hl.conversations.sendMessage({ type: 'SMS', contactId, message: row.body })
    : ctx.hl.conversations.sendMessage({
        type: 'Email',
        contactId,
        subject: row.subject ?? '',
        html: row.body,
      });
}

/**
 * Marks the row failed for good and tells the app, in one transaction; nothing when it was
 * settled already.
 *
 * @example await failForGood(ctx, row, 'HighLevel refused it (HTTP 400): no phone');
 */
export async function failForGood(
  ctx: Pick<VoiceContext, 'db' | 'queue' | 'log'>,
  row: ConfirmationRow,
  reason: string,
): Promise<void> {
  const failed = await ctx.db.transaction().execute(async (trx) => {
    if (!(await markFailed(trx, row.id, reason))) return false;
    await emitWebhookEvent(trx, ctx.queue, row.workspace_id, {
      type: 'voice.confirmation_failed',
      id: stableId('evt', `voice.confirmation_failed|${row.id}`),
      data: {
        workspaceId: row.workspace_id,
        appointmentId: row.appointment_id,
        contactId: row.contact_id,
        change: row.kind,
        channel: row.channel,
        confirmationId: row.id,
        error: reason,
      },
    });
    return true;
  });
  if (failed) {
    ctx.log.warn(
      { confirmationId: row.id, channel: row.channel, reason },
      'voice confirmation failed for good',
    );
  }
}

/**
 * Sends the row unless it is settled, waits out quiet hours in the caller's `timezone`, or leaves
 * it to the run that claimed it first.
 *
 * @example const delivery = await deliver(ctx, row, 'America/New_York');
 */
export async function deliver(
  ctx: VoiceContext,
  row: ConfirmationRow,
  timezone: string,
): Promise<Delivery> {
  if (isSettled(row.status)) return { done: true };
  const now = new Date(ctx.clock.now());
  const until = quietUntil(now, timezone, ctx.settings.confirmations.quietHours);
  if (until) {
    await markWaiting(ctx.db, row, until);
    return { waitUntil: until };
  }
  if (!(await claimAttempt(ctx.db, row))) return { done: true };
  try {
    // Tried before: it may have gone with its answer lost (a 5xx after the send, a drop).
    const earlier = row.attempts > 0 ? await alreadySent(ctx, row) : undefined;
    if (earlier) {
      await markSent(ctx.db, row.id, earlier, now);
      return { done: true };
    }
    const sent = await send(ctx, row);
    await markSent(ctx.db, row.id, sent.messageId ?? null, new Date(ctx.clock.now()));
    ctx.log.info({ confirmationId: row.id, channel: row.channel }, 'voice confirmation sent');
    return { done: true };
  } catch (error) {
    const failure = sendFailure(error);
    if (!failure.retry) {
      await failForGood(ctx, row, failure.reason);
      return { done: true };
    }
    await markRetry(ctx.db, row.id, failure.reason);
    return { retry: failure.reason };
  }
}
