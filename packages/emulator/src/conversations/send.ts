/**
 * `POST /conversations/messages` for SMS and email: finds or opens the contact's conversation and
 * stores the outbound message. Nothing leaves the emulator; the message is `delivered` at once
 * (or `scheduled` for a future `scheduledTimestamp`), so a test can read it back.
 */
import { contactOf } from '../contacts/lookup.js';
import { badRequest, unprocessable } from '../errors.js';
import { newId } from '../ids.js';
import { nowIso, type Runtime } from '../runtime.js';
import type { LocationRecord } from '../locations/model.js';
import { CHANNELS, type Channel, type ConversationRecord, type MessageRecord } from './model.js';

export interface SendInput {
  type: string;
  contactId: string;
  message?: string;
  html?: string;
  subject?: string;
  emailFrom?: string;
  emailTo?: string;
  toNumber?: string;
  fromNumber?: string;
  attachments?: string[];
  scheduledTimestamp?: number;
}

const isChannel = (type: string): type is Channel => Object.hasOwn(CHANNELS, type);

/** The message's recipient and body, or why it cannot be sent. */
function addressed(
  channel: Channel,
  input: SendInput,
  contact: { phone?: string | null; email?: string | null },
) {
  if (channel === 'SMS') {
    const to = input.toNumber ?? contact.phone;
    if (!to) throw badRequest('The contact has no phone number to send an SMS to');
    if (!input.message && !input.attachments?.length) {
      throw unprocessable(['message should not be empty']);
    }
    return { to, body: input.message ?? '', contentType: 'text/plain' };
  }
  const to = input.emailTo ?? contact.email;
  if (!to) throw badRequest('The contact has no email address to send an email to');
  if (!input.html && !input.message) throw unprocessable(['html should not be empty']);
  return input.html
    ? { to, body: input.html, contentType: 'text/html' }
    : { to, body: input.message!, contentType: 'text/plain' };
}

export function conversationFor(
  rt: Runtime,
  location: LocationRecord,
  contactId: string,
  channel: Channel,
): ConversationRecord {
  const existing = Object.values(rt.state.conversations).find(
    (c) => c.locationId === location.id && c.contactId === contactId,
  );
  if (existing) return existing;
  const now = nowIso(rt);
  const conversation: ConversationRecord = {
    id: newId(),
    locationId: location.id,
    contactId,
    type: CHANNELS[channel].conversationType,
    lastMessageBody: '',
    lastMessageType: CHANNELS[channel].messageType,
    lastMessageDirection: 'outbound',
    lastMessageDate: rt.clock.now(),
    unreadCount: 0,
    dateAdded: now,
    dateUpdated: now,
  };
  rt.state.conversations[conversation.id] = conversation;
  return conversation;
}

/**
 * Sends (stores) an SMS or email to a contact of `location`.
 *
 * @example
 * sendMessage(rt, location, { type: 'SMS', contactId, message: 'See you at 3pm' });
 */
export function sendMessage(rt: Runtime, location: LocationRecord, input: SendInput) {
  if (!isChannel(input.type)) {
    throw unprocessable([`type ${input.type} is not emulated; send SMS or Email`]);
  }
  const channel = input.type;
  const contact = contactOf(rt, location, input.contactId);
  const { to, body, contentType } = addressed(channel, input, contact);
  const conversation = conversationFor(rt, location, contact.id, channel);
  const scheduled =
    input.scheduledTimestamp !== undefined && input.scheduledTimestamp * 1000 > rt.clock.now();
  const message: MessageRecord = {
    id: newId(),
    locationId: location.id,
    conversationId: conversation.id,
    contactId: contact.id,
    type: CHANNELS[channel].type,
    messageType: CHANNELS[channel].messageType,
    direction: 'outbound',
    status: scheduled ? 'scheduled' : 'delivered',
    body,
    contentType,
    to,
    attachments: [...(input.attachments ?? [])],
    source: 'api',
    dateAdded: nowIso(rt),
  };
  if (channel === 'Email') {
    message.emailMessageId = newId();
    if (input.subject) message.subject = input.subject;
  }
  const from = channel === 'SMS' ? input.fromNumber : input.emailFrom;
  if (from) message.from = from;
  rt.state.messages[message.id] = message;
  Object.assign(conversation, {
    lastMessageBody: body,
    lastMessageType: message.messageType,
    lastMessageDirection: 'outbound',
    lastMessageDate: rt.clock.now(),
    dateUpdated: message.dateAdded,
  });
  return { conversation, message };
}
