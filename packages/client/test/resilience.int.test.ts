/**
 * The client's retries against real emulator faults, each named in its test: what is retried,
 * what is never re-sent, and what the user finds in HighLevel afterwards. The emulator's request
 * log is the evidence of what the client sent.
 */
import { OutcomeUnknownError, RateLimitError, ServerError } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { calls, emulatorClient, rejectionOf, statuses } from './emulatorClient.js';

const CREATE = ['POST', '/contacts/'] as const;
const GET_CONTACT = { method: 'GET', path: '/contacts/{contactId}' };

async function withContact() {
  const setup = emulatorClient();
  const contact = await setup.hl.contacts.create({
    locationId: setup.locationId,
    email: 'ada@example.com',
  });
  return { ...setup, contactId: contact.id! };
}

describe('429s from the emulator', () => {
  it('429 storm (three 429s on GET contact): the client backs off and returns the contact', async () => {
    const { hl, emulator, contactId, drive, requests } = await withContact();
    emulator.control.setFaults([{ match: GET_CONTACT, status: 429, count: 3 }]);

    const contact = await drive(hl.contacts.get(contactId));

    expect(contact.id).toBe(contactId);
    const gets = calls(requests(), 'GET', '/contacts/{contactId}');
    expect(statuses(gets)).toEqual([429, 429, 429, 200]);
    // The fault's 429s carry no Retry-After; the client still waits a second or more each time.
    const times = gets.map((g) => Date.parse(g.time));
    for (let n = 1; n < times.length; n++) {
      expect(times[n]! - times[n - 1]!).toBeGreaterThanOrEqual(1_000);
    }
  });

  it('429 storm on a create: HighLevel did nothing, so it is retried and one contact exists', async () => {
    const { hl, emulator, locationId, drive, requests } = emulatorClient();
    emulator.control.setFaults([
      { match: { method: 'POST', path: '/contacts/' }, status: 429, count: 2 },
    ]);

    const contact = await drive(hl.contacts.create({ locationId, email: 'ada@example.com' }));

    expect(statuses(calls(requests(), ...CREATE))).toEqual([429, 429, 201]);
    expect(emulator.control.locationState(locationId).contacts.map((c) => c.id)).toEqual([
      contact.id,
    ]);
  });

  it('a 429 storm longer than the retry budget ends in RateLimitError, not a hang', async () => {
    const { hl, emulator, contactId, drive, requests } = await withContact();
    emulator.control.setFaults([{ match: GET_CONTACT, status: 429 }]);

    const error = await drive(rejectionOf(hl.contacts.get(contactId)));

    expect(error).toBeInstanceOf(RateLimitError);
    expect(statuses(calls(requests(), 'GET', '/contacts/{contactId}'))).toEqual([
      429, 429, 429, 429,
    ]);
  });
});

describe('5xx from the emulator', () => {
  it('503 twice on GET contact: retried, the contact is returned', async () => {
    const { hl, emulator, contactId, drive, requests } = await withContact();
    emulator.control.setFaults([{ match: GET_CONTACT, status: 503, count: 2 }]);

    const contact = await drive(hl.contacts.get(contactId));

    expect(contact.id).toBe(contactId);
    expect(statuses(calls(requests(), 'GET', '/contacts/{contactId}'))).toEqual([503, 503, 200]);
  });

  it('503 on every GET: ServerError after the retry budget (4 attempts)', async () => {
    const { hl, emulator, contactId, drive, requests } = await withContact();
    emulator.control.setFaults([{ match: GET_CONTACT, status: 503 }]);

    const error = await drive(rejectionOf(hl.contacts.get(contactId)));

    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ code: 'server_error', status: 503 });
    expect(calls(requests(), 'GET', '/contacts/{contactId}')).toHaveLength(4);
  });

  it('commit then fail (500 after the write) on a create: OutcomeUnknownError, sent once, one contact, findDuplicate finds it', async () => {
    const { hl, emulator, locationId, drive, requests } = emulatorClient();
    emulator.control.setFaults([
      { match: { method: 'POST', path: '/contacts/' }, commitThenFail: 'status', count: 1 },
    ]);

    const error = await drive(
      rejectionOf(hl.contacts.create({ locationId, email: 'ada@example.com' })),
    );

    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ code: 'outcome_unknown', status: 500 });
    expect(statuses(calls(requests(), ...CREATE))).toEqual([500]);
    const stored = emulator.control.locationState(locationId).contacts;
    expect(stored).toHaveLength(1);
    const found = await hl.contacts.findDuplicate({ locationId, email: 'ada@example.com' });
    expect(found?.id).toBe(stored[0]!.id);
  });

  it('503 before the write on a create: OutcomeUnknownError, sent once; the look-up finds nothing, so creating again makes exactly one', async () => {
    const { hl, emulator, locationId, drive, requests } = emulatorClient();
    emulator.control.setFaults([
      { match: { method: 'POST', path: '/contacts/' }, status: 503, count: 1 },
    ]);

    const error = await drive(
      rejectionOf(hl.contacts.create({ locationId, email: 'ada@example.com' })),
    );
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(statuses(calls(requests(), ...CREATE))).toEqual([503]);

    expect(await hl.contacts.findDuplicate({ locationId, email: 'ada@example.com' })).toBeNull();
    const contact = await hl.contacts.create({ locationId, email: 'ada@example.com' });
    expect(emulator.control.locationState(locationId).contacts.map((c) => c.id)).toEqual([
      contact.id,
    ]);
  });

  it('commit then fail (500) on an upsert: retried, because an upsert cannot duplicate; one contact', async () => {
    const { hl, emulator, locationId, drive, requests } = emulatorClient();
    emulator.control.setFaults([
      { match: { method: 'POST', path: '/contacts/upsert' }, commitThenFail: 'status', count: 1 },
    ]);

    const { contact, new: created } = await drive(
      hl.contacts.upsert({ locationId, email: 'ada@example.com', firstName: 'Ada' }),
    );

    expect(created).toBe(false);
    expect(statuses(calls(requests(), 'POST', '/contacts/upsert'))).toEqual([500, 200]);
    expect(emulator.control.locationState(locationId).contacts.map((c) => c.id)).toEqual([
      contact.id,
    ]);
  });
});

describe('dropped connections from the emulator', () => {
  it('commit then fail (dropped connection) on a create: OutcomeUnknownError, sent once, one contact, findDuplicate finds it', async () => {
    const { hl, emulator, locationId, drive, requests } = emulatorClient();
    emulator.control.setFaults([
      { match: { method: 'POST', path: '/contacts/' }, commitThenFail: 'drop', count: 1 },
    ]);

    const error = await drive(
      rejectionOf(hl.contacts.create({ locationId, email: 'ada@example.com' })),
    );

    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ code: 'outcome_unknown', status: undefined });
    expect(calls(requests(), ...CREATE)).toHaveLength(1);
    const stored = emulator.control.locationState(locationId).contacts;
    expect(stored).toHaveLength(1);
    const found = await hl.contacts.findDuplicate({ locationId, email: 'ada@example.com' });
    expect(found?.id).toBe(stored[0]!.id);
  });

  it('commit then fail (dropped connection) on a note: OutcomeUnknownError, the note exists once', async () => {
    const { hl, emulator, locationId, contactId, drive, requests } = await withContact();
    emulator.control.setFaults([
      {
        match: { method: 'POST', path: '/contacts/{contactId}/notes' },
        commitThenFail: 'drop',
        count: 1,
      },
    ]);

    const error = await drive(rejectionOf(hl.notes.create(contactId, { body: 'Wants a quote' })));

    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(calls(requests(), 'POST', '/contacts/{contactId}/notes')).toHaveLength(1);
    expect(emulator.control.locationState(locationId).notes.map((n) => n.body)).toEqual([
      'Wants a quote',
    ]);
  });

  it('commit then fail (dropped connection) on GET contact: retried, the contact is returned', async () => {
    const { hl, emulator, contactId, drive, requests } = await withContact();
    emulator.control.setFaults([{ match: GET_CONTACT, commitThenFail: 'drop', count: 1 }]);

    const contact = await drive(hl.contacts.get(contactId));

    expect(contact.id).toBe(contactId);
    expect(calls(requests(), 'GET', '/contacts/{contactId}')).toHaveLength(2);
  });
});
