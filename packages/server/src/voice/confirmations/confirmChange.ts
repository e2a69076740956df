/**
 * Confirms a change to the caller on each channel the workspace chose
 * (`settings.confirmations.channels`): records one row per channel, worded once, then sends each
 * row not sent yet (deliver.ts). Safe to repeat: a change already recorded is not worded or
 * recorded again, and a row already sent is not sent again.
 */
import type { Contact } from '@ghl-bridge/client';
import type { ConfirmationChannel } from '../core/settings.js';
import type { VoiceContext } from '../context.js';
import { changeKey, firstName, type AppointmentChange } from './core/change.js';
import { confirmationText } from './core/confirmationText.js';
import {
  confirmationsOf,
  recordConfirmations,
  type ChangeRef,
  type NewConfirmation,
} from './confirmationStore.js';
import { deliver, type Delivery } from './deliver.js';
import { sendFailure } from './sendFailure.js';

/** What is left of a change's confirmations: a retry (why), or a send after quiet hours. */
export interface ConfirmResult {
  retry?: string;
  waitUntil?: Date;
}

/** Why a channel has nowhere to go for this contact, if it has not. */
function unreachable(contact: Contact, channel: ConfirmationChannel): string | undefined {
  if (contact.dnd === true) return 'The contact is set to Do Not Disturb in HighLevel.';
  if (channel === 'sms' && !contact.phone) return 'The contact has no phone number to text.';
  if (channel === 'email' && !contact.email) return 'The contact has no email address.';
  return undefined;
}

/** The rows of `channels`, worded for the contact HighLevel has. */
async function newConfirmations(
  ctx: VoiceContext,
  change: AppointmentChange,
  channels: readonly ConfirmationChannel[],
): Promise<NewConfirmation[]> {
  const base = { kind: change.kind, contactId: change.contactId } as const;
  let contact: Contact;
  try {
    contact = await ctx.hl.contacts.get(change.contactId);
  } catch (error) {
    const failure = sendFailure(error);
    if (failure.retry) throw error;
    // The contact is gone (or out of reach for good): there is no one to send to.
    const reason = `The contact could not be read: ${failure.reason}`;
    return channels.map((channel) => ({
      ...base,
      channel,
      status: 'skipped',
      subject: null,
      body: '',
      reason,
    }));
  }
  const text = confirmationText(
    {
      kind: change.kind,
      start: change.start,
      timezone: change.timezone,
      locale: change.locale,
      name: firstName(change.name ?? contact.firstName ?? contact.name),
      service: change.service ?? '',
      provider: change.provider ?? '',
    },
    ctx.settings.confirmations.templates,
    new Date(ctx.clock.now()),
  );
  return channels.map((channel) => {
    const reason = unreachable(contact, channel);
    const words =
      channel === 'sms'
        ? { subject: null, body: text.text }
        : { subject: text.subject, body: text.html };
    return reason
      ? { ...base, channel, status: 'skipped', ...words, reason }
      : { ...base, channel, status: 'sending', ...words };
  });
}

/** A retry wins over a wait (the retry looks at quiet hours again); the earliest wait else. */
function combine(deliveries: readonly Delivery[]): ConfirmResult {
  const retries = deliveries.flatMap((d) => ('retry' in d ? [d.retry] : []));
  if (retries.length) return { retry: retries.join(' ') };
  const waits = deliveries.flatMap((d) => ('waitUntil' in d ? [d.waitUntil.getTime()] : []));
  return waits.length ? { waitUntil: new Date(Math.min(...waits)) } : {};
}

/**
 * Records and sends the change's confirmations; what could not be sent now is in the result.
 * Throws when the contact or the database could not be read (a retry may fix it).
 *
 * @example const { retry, waitUntil } = await confirmChange(ctx, change);
 */
export async function confirmChange(
  ctx: VoiceContext,
  change: AppointmentChange,
): Promise<ConfirmResult> {
  const ref: ChangeRef = {
    workspaceId: ctx.workspaceId,
    appointmentId: change.appointmentId,
    change: changeKey(change),
  };
  let rows = await confirmationsOf(ctx.db, ref);
  const { channels } = ctx.settings.confirmations;
  const missing = channels.filter((channel) => !rows.some((row) => row.channel === channel));
  if (missing.length) {
    await recordConfirmations(ctx.db, ref, await newConfirmations(ctx, change, missing));
    rows = await confirmationsOf(ctx.db, ref);
  }
  const deliveries: Delivery[] = [];
  for (const row of rows) deliveries.push(await deliver(ctx, row, change.timezone));
  return combine(deliveries);
}
