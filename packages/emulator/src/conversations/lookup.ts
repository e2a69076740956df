import { badRequest, wrongLocation } from '../errors.js';
import type { LocationRecord } from '../locations/model.js';
import type { Runtime } from '../runtime.js';
import type { ConversationRecord, MessageRecord } from './model.js';

/** The conversation `id` of `location`: 400 `Conversation not found for id:<id>`, another Location's 403. */
export function conversationOf(
  rt: Runtime,
  location: LocationRecord,
  id: string,
): ConversationRecord {
  const conversation = rt.state.conversations[id];
  if (!conversation) throw badRequest(`Conversation not found for id:${id}`);
  if (conversation.locationId !== location.id) throw wrongLocation();
  return conversation;
}

/** The message `id` of `location`: 400 `Message not found for id:<id>`, another Location's 403. */
export function messageOf(rt: Runtime, location: LocationRecord, id: string): MessageRecord {
  const message = rt.state.messages[id];
  if (!message) throw badRequest(`Message not found for id:${id}`);
  if (message.locationId !== location.id) throw wrongLocation();
  return message;
}

/** The email whose `emailMessageId` is `id`, as `GET /conversations/messages/email/{id}` names it. */
export function emailOf(rt: Runtime, location: LocationRecord, id: string): MessageRecord {
  const message = Object.values(rt.state.messages).find((m) => m.emailMessageId === id);
  if (!message) throw badRequest(`Email not found for id:${id}`);
  if (message.locationId !== location.id) throw wrongLocation();
  return message;
}
