/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

const V = { version: '2021-04-15' };

async function texted() {
  const s = setup();
  const contact = await s.api('POST', '/contacts/', {
    body: { locationId: s.locationId, firstName: 'Ada', phone: '+14155550100' },
  });
  const sent = await s.api('POST', '/conversations/messages', {
    ...V,
    body: { type: 'SMS', contactId: contact.body.contact.id, message: 'Booked: Tue 3pm' },
  });
  return {
    ...s,
    conversationId: sent.body.conversationId as string,
    messageId: sent.body.messageId as string,
  };
}

describe('PUT /conversations/messages/{messageId}/status', () => {
  it("sets the message's status, which reads back", async () => {
    const { api, messageId, conversationId } = await texted();
    const res = await api('PUT', `/conversations/messages/${messageId}/status`, {
      ...V,
      body: { status: 'read' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ conversationId, messageId, status: 'read' });
    const message = await api('GET', `/conversations/messages/${messageId}`, V);
    expect(message.body.status).toBe('read');
  });

  it('refuses a status outside delivered, failed, pending and read, and an unknown message', async () => {
    const { api, messageId } = await texted();
    const unread = await api('PUT', `/conversations/messages/${messageId}/status`, {
      ...V,
      body: { status: 'unread' },
    });
    expect(unread.status).toBe(422);
    const unknown = await api('PUT', '/conversations/messages/NoSuchMessage0000001/status', {
      ...V,
      body: { status: 'failed' },
    });
    expect(unknown.status).toBe(400);
  });
});

describe('POST /conversations/providers/live-chat/typing', () => {
  it('records the typing indicator on the conversation, sent as a boolean or a string', async () => {
    const { api, emulator, locationId, conversationId } = await texted();
    const body = { locationId, conversationId, visitorId: 'visitor-7', isTyping: true };
    const on = await api('POST', '/conversations/providers/live-chat/typing', { ...V, body });
    expect(on.status).toBe(201);
    expect(on.body).toEqual({ success: true });
    expect(emulator.control.locationState(locationId).liveChatTyping).toMatchObject([
      { conversationId, visitorId: 'visitor-7', isTyping: true },
    ]);
    await api('POST', '/conversations/providers/live-chat/typing', {
      ...V,
      body: { ...body, isTyping: 'false' },
    });
    expect(emulator.control.locationState(locationId).liveChatTyping[0]!.isTyping).toBe(false);
  });

  it('refuses an unknown conversation and a typing flag that is not true or false', async () => {
    const { api, locationId, conversationId } = await texted();
    const body = { locationId, conversationId, visitorId: 'v', isTyping: 'maybe' };
    const odd = await api('POST', '/conversations/providers/live-chat/typing', { ...V, body });
    expect(odd.status).toBe(400);
    const unknown = await api('POST', '/conversations/providers/live-chat/typing', {
      ...V,
      body: { ...body, isTyping: true, conversationId: 'NoSuchConversation01' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Conversation not found for id:NoSuchConversation01');
  });
});
