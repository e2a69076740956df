/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';

const V = { version: '2021-04-15' };

async function emailed() {
  const s = setup();
  const contact = await s.api('POST', '/contacts/', {
    body: { locationId: s.locationId, firstName: 'Ada', email: 'ada@example.com' },
  });
  const contactId = contact.body.contact.id as string;
  const sent = await s.api('POST', '/conversations/messages', {
    ...V,
    body: { type: 'Email', contactId, subject: 'Your booking', html: '<p>See you Tuesday</p>' },
  });
  return {
    ...s,
    contactId,
    conversationId: sent.body.conversationId as string,
    messageId: sent.body.messageId as string,
    emailMessageId: sent.body.emailMessageId as string,
  };
}

describe('GET /conversations/{conversationId}', () => {
  it('answers the conversation with its channel as a number, in the inbox', async () => {
    const { api, conversationId, contactId } = await emailed();
    const res = await api('GET', `/conversations/${conversationId}`, V);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: conversationId,
      contactId,
      type: 2,
      inbox: true,
      deleted: false,
      lastMessageBody: '<p>See you Tuesday</p>',
    });
  });

  it('answers 400 for an unknown conversation and 403 for another Location', async () => {
    const { api, emulator, conversationId } = await emailed();
    const unknown = await api('GET', '/conversations/NoSuchConversation01', V);
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Conversation not found for id:NoSuchConversation01');
    const other = emulator.control.createLocation({ name: 'Elsewhere' });
    const res = await call(emulator, 'GET', `/conversations/${conversationId}`, {
      ...V,
      token: other.token,
    });
    expect(res.status).toBe(403);
  });
});

describe('GET /conversations/messages/{id}', () => {
  it('answers the message with its email thread in meta', async () => {
    const { api, messageId, emailMessageId } = await emailed();
    const res = await api('GET', `/conversations/messages/${messageId}`, V);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: messageId,
      messageType: 'TYPE_EMAIL',
      status: 'delivered',
      meta: { email: { messageIds: [emailMessageId] } },
    });
  });

  it('answers 400 for an unknown message', async () => {
    const { api } = await emailed();
    const res = await api('GET', '/conversations/messages/NoSuchMessage0000001', V);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Message not found for id:NoSuchMessage0000001');
  });
});

describe('GET /conversations/messages/email/{id}', () => {
  it('answers the email named by its emailMessageId', async () => {
    const { api, emailMessageId, messageId, conversationId } = await emailed();
    const res = await api('GET', `/conversations/messages/email/${emailMessageId}`, V);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: emailMessageId,
      conversationId,
      subject: 'Your booking',
      to: ['ada@example.com'],
      direction: 'outbound',
    });
    const byMessageId = await api('GET', `/conversations/messages/email/${messageId}`, V);
    expect(byMessageId.status).toBe(400);
  });

  it('needs the message read scope, which the spec does not declare', async () => {
    const { emulator, locationId, emailMessageId } = await emailed();
    const { token } = emulator.control.createToken(locationId, { scopes: ['contacts.readonly'] });
    const res = await call(emulator, 'GET', `/conversations/messages/email/${emailMessageId}`, {
      ...V,
      token,
    });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('The token is not authorized for this scope.');
  });
});
