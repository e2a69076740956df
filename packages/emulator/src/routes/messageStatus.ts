/**
 * What a conversation provider tells HighLevel (spec/highlevel/apps/conversations.json): a
 * message's delivery status, and that an agent or bot is typing in a live chat.
 * https://marketplace.gohighlevel.com/docs/ghl/conversations/update-message-status
 */
import { conversationOf, messageOf } from '../conversations/lookup.js';
import type { MessageRecord } from '../conversations/model.js';
import { dtoRules, validBody } from '../dto.js';
import { badRequest } from '../errors.js';
import { nowIso, route } from '../runtime.js';

const statusRules = dtoRules('conversations', 'UpdateMessageStatusDto', {
  // `ErrorDto`: the provider's `{code, type, message}` for a failed message.
  types: { error: { type: 'object' } },
});

/**
 * `isTyping` is typed string while the spec's example is `true`; both are taken (DEVIATIONS.md).
 */
const typingRules = dtoRules('conversations', 'UserTypingBody', { types: { isTyping: {} } });

export const updateMessageStatusRoute = route(
  'PUT',
  '/conversations/messages/{messageId}/status',
  ({ params, body, location, rt }) => {
    const input = validBody(statusRules, body);
    const message = messageOf(rt, location, params.messageId!);
    if (input.emailMessageId !== undefined && input.emailMessageId !== message.emailMessageId) {
      throw badRequest(`Email not found for id:${input.emailMessageId as string}`);
    }
    message.status = input.status as MessageRecord['status'];
    const answer: Record<string, unknown> = {
      conversationId: message.conversationId,
      messageId: message.id,
      status: message.status,
    };
    if (message.emailMessageId) answer.emailMessageId = message.emailMessageId;
    return { status: 200, body: answer };
  },
);

function typingFlag(value: unknown): boolean {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw badRequest('isTyping must be true or false');
}

export const liveChatTypingRoute = route(
  'POST',
  '/conversations/providers/live-chat/typing',
  ({ body, location, rt }) => {
    const input = validBody(typingRules, body);
    const isTyping = typingFlag(input.isTyping);
    const conversation = conversationOf(rt, location, input.conversationId as string);
    rt.state.liveChatTyping[conversation.id] = {
      conversationId: conversation.id,
      locationId: location.id,
      visitorId: input.visitorId as string,
      isTyping,
      at: nowIso(rt),
    };
    return { status: 201, body: { success: true } };
  },
);

export const messageStatusRoutes = [updateMessageStatusRoute, liveChatTypingRoute];
