import type { EmulatorState } from '../state.js';
import type { ConversationRecord, MessageRecord } from './model.js';

/** A conversation as `GET /conversations/search` lists it (`ConversationSchema`). */
export function conversationView(state: EmulatorState, conversation: ConversationRecord) {
  const contact = state.contacts[conversation.contactId];
  const fullName = [contact?.firstName, contact?.lastName].filter(Boolean).join(' ');
  return {
    id: conversation.id,
    contactId: conversation.contactId,
    locationId: conversation.locationId,
    lastMessageBody: conversation.lastMessageBody,
    lastMessageType: conversation.lastMessageType,
    lastMessageDirection: conversation.lastMessageDirection,
    lastMessageDate: conversation.lastMessageDate,
    type: conversation.type,
    unreadCount: conversation.unreadCount,
    fullName,
    contactName: contact?.name ?? fullName,
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    dateAdded: Date.parse(conversation.dateAdded),
    dateUpdated: Date.parse(conversation.dateUpdated),
  };
}

/** A message as `GET /conversations/{conversationId}/messages` lists it (`GetMessageResponseDto`). */
export function messageView(message: MessageRecord) {
  const view: Record<string, unknown> = {
    id: message.id,
    type: message.type,
    messageType: message.messageType,
    locationId: message.locationId,
    contactId: message.contactId,
    conversationId: message.conversationId,
    dateAdded: message.dateAdded,
    body: message.body,
    direction: message.direction,
    status: message.status,
    contentType: message.contentType,
    attachments: message.attachments,
    source: message.source,
  };
  if (message.emailMessageId) {
    view.meta = { email: { messageIds: [message.emailMessageId] } };
  }
  if (message.call) {
    view.meta = {
      callDuration: String(message.call.durationSeconds),
      callStatus: message.call.status,
    };
  }
  if (message.subject) view.subject = message.subject;
  return view;
}

/** Conversation channels by HighLevel's number (`GetConversationByIdResponse.type`). */
const CONVERSATION_TYPE_NUMBERS: Record<string, number> = { TYPE_PHONE: 1, TYPE_EMAIL: 2 };

/**
 * A conversation as `GET /conversations/{conversationId}` answers it: the search view with the
 * channel as a number, in the inbox, neither deleted nor starred.
 */
export function conversationByIdView(state: EmulatorState, conversation: ConversationRecord) {
  return {
    ...conversationView(state, conversation),
    type: CONVERSATION_TYPE_NUMBERS[conversation.type] ?? 1,
    deleted: false,
    inbox: true,
    starred: false,
  };
}

/** An email as `GET /conversations/messages/email/{id}` answers it (`GetEmailMessageResponseDto`). */
export function emailView(message: MessageRecord) {
  const view: Record<string, unknown> = {
    id: message.emailMessageId,
    threadId: message.emailMessageId,
    locationId: message.locationId,
    contactId: message.contactId,
    conversationId: message.conversationId,
    dateAdded: message.dateAdded,
    body: message.body,
    direction: message.direction,
    status: message.status,
    contentType: message.contentType,
    attachments: message.attachments,
    provider: 'Leadconnector',
    from: message.from ?? '',
    to: [message.to],
    source: message.source,
  };
  if (message.subject) view.subject = message.subject;
  return view;
}
