import { describe, expect, it } from 'vitest';
import { scriptedFetch, type Reply, type SentRequest } from '../../test/scriptedFetch.js';
import { privateIntegrationToken } from '../auth/privateIntegrationToken.js';
import { HighLevel } from '../highlevel.js';
import { messagesPage } from './conversations.js';

function client(...replies: Reply[]) {
  const script = scriptedFetch(...replies);
  const auth = privateIntegrationToken('pit-test', { locationId: 'loc1' });
  const hl = new HighLevel({ auth, fetch: script.fetch, rateLimit: false, retry: false });
  return { hl, script };
}

const message = (n: number) => ({
  id: `m${n}`,
  type: 2,
  messageType: 'TYPE_SMS',
  locationId: 'loc1',
  contactId: 'c1',
  conversationId: 'conv1',
  dateAdded: '2024-03-27T18:13:49.000Z',
  body: `message ${n}`,
  direction: 'inbound',
  contentType: 'text/plain',
});

/** 45 messages, 20 a page, continued after `lastMessageId`, in HighLevel's wrapped shape. */
function messagePages(request: SentRequest): Reply {
  const all = Array.from({ length: 45 }, (_, i) => message(i));
  const after = request.url.searchParams.get('lastMessageId');
  const from = after ? all.findIndex((m) => m.id === after) + 1 : 0;
  const messages = all.slice(from, from + 20);
  const page = { lastMessageId: messages.at(-1)?.id, nextPage: from + 20 < 45, messages };
  return { body: { messages: page, traceId: 't' } };
}

describe('messagesPage', () => {
  it('reads the page flat as in the spec and wrapped as HighLevel sends it', () => {
    const page = { lastMessageId: 'm1', nextPage: true, messages: [message(1)] };
    expect(messagesPage(page)).toEqual(page);
    expect(messagesPage({ messages: page, traceId: 't' })).toEqual(page);
    expect(messagesPage({})).toEqual({ messages: [], lastMessageId: undefined, nextPage: false });
  });
});

describe('conversations', () => {
  it('searches a Location’s conversations with the conversations Version', async () => {
    const conversation = { id: 'conv1', contactId: 'c1', locationId: 'loc1', unreadCount: 2 };
    const { hl, script } = client({ body: { conversations: [conversation], total: 1 } });
    expect(await hl.conversations.search({ locationId: 'loc1', contactId: 'c1' })).toEqual({
      conversations: [conversation],
      total: 1,
    });
    const sent = script.sent[0]!;
    expect(sent.url.pathname).toBe('/conversations/search');
    expect(sent.headers.get('version')).toBe('2021-04-15');
    expect(Object.fromEntries(sent.url.searchParams)).toEqual({
      locationId: 'loc1',
      contactId: 'c1',
    });
  });

  it('allMessages pages through lastMessageId and stops when nextPage is false', async () => {
    const { hl, script } = client(messagePages);
    const ids = [];
    for await (const m of hl.conversations.allMessages('conv1', { type: 'TYPE_SMS' }))
      ids.push(m.id);
    expect(ids).toEqual(Array.from({ length: 45 }, (_, i) => `m${i}`));
    expect(script.sent.map((s) => s.url.searchParams.get('lastMessageId'))).toEqual([
      null,
      'm19',
      'm39',
    ]);
    for (const sent of script.sent) {
      expect(sent.url.pathname).toBe('/conversations/conv1/messages');
      expect(sent.url.searchParams.get('type')).toBe('TYPE_SMS');
      expect(sent.headers.get('version')).toBe('2021-04-15');
    }
  });

  it('sends an SMS with only the fields given', async () => {
    const { hl, script } = client({
      body: { conversationId: 'conv1', messageId: 'm9', status: 'pending' },
    });
    const result = await hl.conversations.sendMessage({
      type: 'SMS',
      contactId: 'c1',
      message: 'See you at 3pm',
    });
    expect(result.messageId).toBe('m9');
    const sent = script.sent[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url.pathname).toBe('/conversations/messages');
    expect(sent.headers.get('version')).toBe('2021-04-15');
    expect(JSON.parse(sent.body!)).toEqual({
      type: 'SMS',
      contactId: 'c1',
      message: 'See you at 3pm',
    });
  });
});
