/**
 * Messages through `hl.conversations` against the emulator: what the contact would receive. A
 * message is the write whose duplicate a user notices most, so the fault case counts messages.
 */
import { OutcomeUnknownError } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { calls, collect, emulatorClient, rejectionOf } from './emulatorClient.js';

async function withContact() {
  const harness = emulatorClient();
  const contact = await harness.hl.contacts.create({
    locationId: harness.locationId,
    email: 'ada@example.com',
    phone: '+14155550100',
  });
  const messages = () => harness.emulator.control.locationState(harness.locationId).messages;
  return { ...harness, contactId: contact.id!, messages };
}

describe('hl.conversations against the emulator', () => {
  it("sends an SMS and finds it in the contact's conversation", async () => {
    const { hl, locationId, contactId } = await withContact();

    const sent = await hl.conversations.sendMessage({
      type: 'SMS',
      contactId,
      message: 'See you Monday at 9',
    });

    const { conversations } = await hl.conversations.search({ locationId, contactId });
    expect(conversations.map((c) => c.id)).toEqual([sent.conversationId]);
    const { messages } = await hl.conversations.messages(sent.conversationId);
    expect(messages.map((m) => m.body)).toEqual(['See you Monday at 9']);
  });

  it('allMessages pages through 45 messages, newest first', async () => {
    const { hl, contactId, drive } = await withContact();
    let conversationId = '';
    for (let n = 0; n < 45; n++) {
      const sent = await drive(
        hl.conversations.sendMessage({ type: 'SMS', contactId, message: `Message ${n}` }),
      );
      conversationId = sent.conversationId;
    }

    const all = await drive(collect(hl.conversations.allMessages(conversationId)));

    expect(all.map((m) => m.body)).toEqual(
      Array.from({ length: 45 }, (_, n) => `Message ${44 - n}`),
    );
  });

  it('commit then fail (500) on a send: OutcomeUnknownError, not re-sent; the contact got one message', async () => {
    const { hl, emulator, contactId, messages, requests, drive } = await withContact();
    emulator.control.setFaults([
      {
        match: { method: 'POST', path: '/conversations/messages' },
        commitThenFail: 'status',
        count: 1,
      },
    ]);

    const error = await drive(
      rejectionOf(hl.conversations.sendMessage({ type: 'SMS', contactId, message: 'Reminder' })),
    );

    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(calls(requests(), 'POST', '/conversations/messages')).toHaveLength(1);
    expect(messages().map((m) => m.body)).toEqual(['Reminder']);
  });
});
