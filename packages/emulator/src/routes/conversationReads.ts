/**
 * Reading one conversation, message or email (spec/highlevel/apps/conversations.json):
 * `GET /conversations/{conversationId}`, `GET /conversations/messages/{id}` and
 * `GET /conversations/messages/email/{id}`, the email named by the `emailMessageId` its send
 * answered.
 */
import { conversationOf, emailOf, messageOf } from '../conversations/lookup.js';
import { conversationByIdView, emailView, messageView } from '../conversations/view.js';
import { route } from '../runtime.js';

export const getConversationRoute = route(
  'GET',
  '/conversations/{conversationId}',
  ({ params, location, rt }) => ({
    status: 200,
    body: conversationByIdView(rt.state, conversationOf(rt, location, params.conversationId!)),
  }),
);

export const getMessageRoute = route(
  'GET',
  '/conversations/messages/{id}',
  ({ params, location, rt }) => ({
    status: 200,
    body: messageView(messageOf(rt, location, params.id!)),
  }),
);

/** The spec declares no security here; the emulator asks for the message read scope (DEVIATIONS.md). */
export const getEmailRoute = route(
  'GET',
  '/conversations/messages/email/{id}',
  ({ params, location, rt }) => ({
    status: 200,
    body: emailView(emailOf(rt, location, params.id!)),
  }),
);

export const conversationReadRoutes = [getConversationRoute, getMessageRoute, getEmailRoute];
