/** Users (users.json) and conversations (conversations.json). */
import {
  operationCase,
  otherLocation,
  UNKNOWN_ID,
  unknownBodyId,
  unknownId,
  unknownProperty,
  withoutField,
  withoutQuery,
  withQuery,
  type ConformanceCase,
} from './cases.js';
import type { OperationKey } from './context.js';
import { newContact, newConversation } from './fixtures.js';

export const peopleCases: Record<OperationKey, ConformanceCase> = {
  'GET /users/search': operationCase({
    request: (ctx) => ({ query: { companyId: ctx.companyId, query: 'olive' } }),
    errors: [
      withoutQuery('companyId'),
      withQuery('companyId', UNKNOWN_ID, 403, 'The token does not have access to this location.'),
    ],
  }),
  'GET /users/{userId}': operationCase({
    request: (ctx) => ({ params: { userId: ctx.userId } }),
    errors: [unknownId('userId', 'User')],
  }),
  'GET /users/': operationCase({
    request: (ctx) => ({ query: { locationId: ctx.locationId } }),
    errors: [withoutQuery('locationId'), otherLocation],
  }),
  'POST /conversations/messages': operationCase({
    prepare: newContact,
    request: (_ctx, { contactId }) => ({
      body: { type: 'SMS', contactId, message: 'Your appointment is confirmed.' },
    }),
    errors: [unknownBodyId('contactId', 'Contact'), withoutField('type'), unknownProperty],
  }),
  'GET /conversations/search': operationCase({
    prepare: newConversation,
    request: (ctx) => ({ query: { locationId: ctx.locationId } }),
    errors: [withoutQuery('locationId'), otherLocation],
  }),
  'GET /conversations/{conversationId}/messages': operationCase({
    prepare: newConversation,
    request: (_ctx, params) => ({ params }),
    errors: [unknownId('conversationId', 'Conversation')],
  }),
};
