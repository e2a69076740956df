/**
 * Conversations (spec/highlevel/apps/conversations.json, Version 2021-04-15): send an SMS or
 * email to a contact, search a Location's conversations, and list a conversation's messages,
 * newest first, 20 per page, paged by `lastMessageId`.
 */
import { sendMessage, type SendInput } from '../conversations/send.js';
import { conversationView, messageView } from '../conversations/view.js';
import { dtoRules, validBody } from '../dto.js';
import { badRequest, unprocessable, wrongLocation } from '../errors.js';
import { route } from '../runtime.js';

/**
 * `SendMessageBodyDto` marks `subType` (typed object) and the delivery `status` required; a plain
 * SMS or email has neither (see DEVIATIONS.md).
 */
const sendRules = {
  ...dtoRules('conversations', 'SendMessageBodyDto', {
    types: { subType: { nullable: true } },
  }),
  required: ['type', 'contactId'],
};

export const sendMessageRoute = route(
  'POST',
  '/conversations/messages',
  ({ body, location, rt }) => {
    const input = validBody(sendRules, body) as unknown as SendInput;
    const { conversation, message } = sendMessage(rt, location, input);
    const answer: Record<string, unknown> = {
      conversationId: conversation.id,
      messageId: message.id,
      msg: 'Message queued successfully.',
      status: message.status === 'scheduled' ? 'pending' : 'delivered',
    };
    if (message.emailMessageId) answer.emailMessageId = message.emailMessageId;
    return { status: 200, body: answer };
  },
);

export const searchConversationsRoute = route(
  'GET',
  '/conversations/search',
  ({ query, location, rt }) => {
    if (!query.get('locationId')) throw unprocessable(['locationId should not be empty']);
    const text = query.get('query')?.toLowerCase();
    const limit = Number(query.get('limit') ?? 20) || 20;
    const sign = query.get('sort') === 'asc' ? 1 : -1;
    const found = Object.values(rt.state.conversations)
      .filter((c) => c.locationId === location.id)
      .filter((c) => !query.get('contactId') || c.contactId === query.get('contactId'))
      .filter((c) => !query.get('id') || c.id === query.get('id'))
      .map((c) => conversationView(rt.state, c))
      .filter(
        (c) =>
          !text ||
          [c.fullName, c.contactName, c.email, c.phone, c.lastMessageBody].some((v) =>
            v.toLowerCase().includes(text),
          ),
      )
      .sort((a, b) => sign * (a.lastMessageDate - b.lastMessageDate));
    return { status: 200, body: { conversations: found.slice(0, limit), total: found.length } };
  },
);

/**
 * HighLevel's API reference shows the page wrapped in `messages`, unlike the spec's flat
 * schema; integrations read `messages.messages` (see DEVIATIONS.md).
 */
export const listMessagesRoute = route(
  'GET',
  '/conversations/{conversationId}/messages',
  ({ params, query, location, rt }) => {
    const conversation = rt.state.conversations[params.conversationId!];
    if (!conversation) {
      throw badRequest(`Conversation not found for id:${params.conversationId}`);
    }
    if (conversation.locationId !== location.id) throw wrongLocation();
    const limit = Number(query.get('limit') ?? 20) || 20;
    const types = query.get('type')?.split(',').filter(Boolean);
    const newestFirst = Object.values(rt.state.messages)
      .filter((m) => m.conversationId === conversation.id)
      .filter((m) => !types || types.includes(m.messageType))
      .reverse();
    const after = query.get('lastMessageId');
    // An unknown cursor ends the listing rather than starting it over.
    const start = after
      ? newestFirst.findIndex((m) => m.id === after) + 1 || newestFirst.length
      : 0;
    const page = newestFirst.slice(start, start + limit);
    const last = page.at(-1);
    return {
      status: 200,
      body: {
        messages: {
          ...(last ? { lastMessageId: last.id } : {}),
          nextPage: start + limit < newestFirst.length,
          messages: page.map(messageView),
        },
      },
    };
  },
);

export const conversationRoutes = [sendMessageRoute, searchConversationsRoute, listMessagesRoute];
