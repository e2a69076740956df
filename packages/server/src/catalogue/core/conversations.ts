/**
 * The connector's Conversations & Messages category: conversations, their messages, emails,
 * call recordings and transcriptions, message status and the live-chat typing indicator.
 * HighLevel: https://marketplace.gohighlevel.com/docs/ghl/conversations/search-conversation and its siblings.
 */
import { action, many, one, trigger } from './draft.js';
import type { EntryDraft } from './entry.js';

export const conversations: readonly EntryDraft[] = [
  // The spec gives conversations no update time; a new message changes their content.
  trigger(
    'Search Conversations',
    'Find conversations by filters',
    'GET /conversations/search',
    many('conversations', 'id', 'content'),
  ),
  trigger(
    'Get Conversation',
    'Retrieve conversation details',
    'GET /conversations/{conversationId}',
    one('', 'id', 'content'),
  ),
  trigger(
    'Get Email by ID',
    'Retrieve specific email',
    'GET /conversations/messages/email/{id}',
    one('', 'id', 'content'),
  ),
  trigger(
    'Get Message by ID',
    'Get specific message details',
    'GET /conversations/messages/{id}',
    one('', 'id', 'content'),
  ),
  // Messages only ever arrive: a new id is the news.
  trigger(
    'Get Messages by Conversation',
    'List all conversation messages',
    'GET /conversations/{conversationId}/messages',
    many('messages.messages', 'id', 'new-ids-only'),
    {
      note: 'HighLevel wraps the page: `{messages: {lastMessageId, nextPage, messages}}` (https://marketplace.gohighlevel.com/docs/ghl/conversations/get-messages), where the spec shows it flat; the output schema is the wrapped one.',
    },
  ),
  trigger(
    'Get Message Recording',
    'Retrieve voice recording',
    'GET /conversations/messages/{messageId}/locations/{locationId}/recording',
    one('', null, 'content'),
    { note: 'HighLevel answers with the recording file (audio/x-wav), not JSON.' },
  ),
  trigger(
    'Get Message Transcription',
    'Get transcribed message text',
    'GET /conversations/locations/{locationId}/messages/{messageId}/transcription',
    one('', null, 'content'),
  ),
  trigger(
    'Download Transcription',
    'Download transcription file',
    'GET /conversations/locations/{locationId}/messages/{messageId}/transcription/download',
    one('', null, 'content'),
    { note: 'HighLevel answers with a text file, not JSON.' },
  ),
  action(
    'Update Message Status',
    'Change message read/unread status',
    'PUT /conversations/messages/{messageId}/status',
    {
      note: 'HighLevel’s message statuses are `delivered`, `failed`, `pending` and `read`: a message cannot be set back to unread. A conversation’s unread count is changed with `PUT /conversations/{conversationId}` (https://marketplace.gohighlevel.com/docs/ghl/conversations/update-message-status).',
    },
  ),
  action(
    'Agent Typing Indicator',
    'Show typing indicator in chat',
    'POST /conversations/providers/live-chat/typing',
  ),
];
