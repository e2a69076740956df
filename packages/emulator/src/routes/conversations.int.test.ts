/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';

const V = { version: '2021-04-15' };

async function withContact(contact: Record<string, unknown> = {}) {
  const s = setup();
  const created = await s.api('POST', '/contacts/', {
    body: {
      locationId: s.locationId,
      firstName: 'Ada',
      phone: '+14155550100',
      email: 'ada@example.com',
      ...contact,
    },
  });
  return { ...s, contactId: created.body.contact.id as string };
}

describe('POST /conversations/messages', () => {
  it("sends an SMS into the contact's conversation, opening it the first time", async () => {
    const { api, locationId, contactId, emulator } = await withContact();
    const first = await api('POST', '/conversations/messages', {
      ...V,
      body: { type: 'SMS', contactId, message: 'Booked: Tue 3pm' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'delivered', msg: 'Message queued successfully.' });
    const second = await api('POST', '/conversations/messages', {
      ...V,
      body: { type: 'SMS', contactId, message: 'Reminder: Tue 3pm' },
    });
    expect(second.body.conversationId).toBe(first.body.conversationId);
    const stored = emulator.control.locationState(locationId);
    expect(stored.conversations).toHaveLength(1);
    expect(stored.messages.map((m) => [m.to, m.body])).toEqual([
      ['+14155550100', 'Booked: Tue 3pm'],
      ['+14155550100', 'Reminder: Tue 3pm'],
    ]);
  });

  it('sends an email with an emailMessageId', async () => {
    const { api, contactId } = await withContact();
    const res = await api('POST', '/conversations/messages', {
      ...V,
      body: { type: 'Email', contactId, subject: 'Your booking', html: '<p>See you</p>' },
    });
    expect(res.status).toBe(200);
    expect(res.body.emailMessageId).toEqual(expect.any(String));
  });

  it('refuses a contact without a phone, an unknown contact and an empty SMS', async () => {
    const { api, contactId: withoutPhone } = await withContact({ phone: undefined });
    const noPhone = await api('POST', '/conversations/messages', {
      ...V,
      body: { type: 'SMS', contactId: withoutPhone, message: 'hi' },
    });
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.message).toBe('The contact has no phone number to send an SMS to');
    const unknown = await api('POST', '/conversations/messages', {
      ...V,
      body: { type: 'SMS', contactId: 'nope', message: 'hi' },
    });
    expect(unknown.body.message).toBe('Contact not found for id:nope');
    const empty = await api('POST', '/conversations/messages', {
      ...V,
      body: { type: 'SMS', contactId: withoutPhone, toNumber: '+14155550101' },
    });
    expect(empty.status).toBe(422);
    const missing = await api('POST', '/conversations/messages', { ...V, body: { message: 'x' } });
    expect(missing.body.message).toEqual([
      'type should not be empty',
      'contactId should not be empty',
    ]);
  });
});

describe('reading conversations back', () => {
  it("finds the contact's conversation and lists its messages newest first", async () => {
    const { api, locationId, contactId } = await withContact();
    for (const message of ['one', 'two', 'three']) {
      await api('POST', '/conversations/messages', {
        ...V,
        body: { type: 'SMS', contactId, message },
      });
    }
    const search = await api(
      'GET',
      `/conversations/search?locationId=${locationId}&contactId=${contactId}`,
      V,
    );
    expect(search.status).toBe(200);
    expect(search.body.total).toBe(1);
    const [conversation] = search.body.conversations;
    expect(conversation).toMatchObject({
      contactId,
      lastMessageBody: 'three',
      lastMessageType: 'TYPE_SMS',
      type: 'TYPE_PHONE',
      phone: '+14155550100',
    });

    const page1 = await api('GET', `/conversations/${conversation.id}/messages?limit=2`, V);
    expect(page1.status).toBe(200);
    expect(page1.body.messages.messages.map((m: { body: string }) => m.body)).toEqual([
      'three',
      'two',
    ]);
    expect(page1.body.messages.nextPage).toBe(true);
    const page2 = await api(
      'GET',
      `/conversations/${conversation.id}/messages?limit=2&lastMessageId=${page1.body.messages.lastMessageId}`,
      V,
    );
    expect(page2.body.messages.messages.map((m: { body: string }) => m.body)).toEqual(['one']);
    expect(page2.body.messages.nextPage).toBe(false);
    expect(page2.body.messages.messages[0]).toMatchObject({
      type: 2,
      messageType: 'TYPE_SMS',
      direction: 'outbound',
      contactId,
    });
  });

  it('400 for an unknown conversation, 403 for another Location’s', async () => {
    const { api, emulator, contactId } = await withContact();
    const sent = await api('POST', '/conversations/messages', {
      ...V,
      body: { type: 'SMS', contactId, message: 'hi' },
    });
    expect((await api('GET', '/conversations/nope/messages', V)).status).toBe(400);
    const other = emulator.control.createLocation();
    const foreign = await call(
      emulator,
      'GET',
      `/conversations/${sent.body.conversationId}/messages`,
      {
        ...V,
        token: other.token,
      },
    );
    expect(foreign.status).toBe(403);
  });
});
