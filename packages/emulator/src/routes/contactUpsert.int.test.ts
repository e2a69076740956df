/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

describe('POST /contacts/upsert', () => {
  it('creates when nothing matches, then updates the match: 200 {new, contact, traceId}', async () => {
    const { api, locationId } = setup();
    const first = await api('POST', '/contacts/upsert', {
      body: { locationId, email: 'ada@example.com', firstName: 'Ada' },
    });
    expect(first.status).toBe(200);
    expect(first.body.new).toBe(true);
    expect(typeof first.body.traceId).toBe('string');
    const second = await api('POST', '/contacts/upsert', {
      body: { locationId, email: 'ADA@example.com', lastName: 'Lovelace' },
    });
    expect(second.body.new).toBe(false);
    expect(second.body.contact.id).toBe(first.body.contact.id);
    expect(second.body.contact).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('replaces all tags with `tags`', async () => {
    const { api, locationId } = setup();
    const created = await api('POST', '/contacts/', {
      body: { locationId, email: 'ada@example.com', tags: ['customer-own-tag', 'vip'] },
    });
    const res = await api('POST', '/contacts/upsert', {
      body: { locationId, email: 'ada@example.com', tags: ['booked'] },
    });
    expect(res.body.contact.tags).toEqual(['booked']);
    const got = await api('GET', `/contacts/${created.body.contact.id}`);
    expect(got.body.contact.tags).toEqual(['booked']);
  });

  it('when email and phone match different contacts, the first in priority wins and the other is ignored', async () => {
    const { api, locationId } = setup();
    const byEmail = await api('POST', '/contacts/', {
      body: { locationId, email: 'ada@example.com' },
    });
    const byPhone = await api('POST', '/contacts/', {
      body: { locationId, phone: '+14155550100' },
    });
    const res = await api('POST', '/contacts/upsert', {
      body: { locationId, email: 'ada@example.com', phone: '4155550100', firstName: 'Ada' },
    });
    expect(res.body.new).toBe(false);
    expect(res.body.contact.id).toBe(byEmail.body.contact.id);
    expect(res.body.contact.phone).toBeUndefined();
    const phoneOwner = await api('GET', `/contacts/${byPhone.body.contact.id}`);
    expect(phoneOwner.body.contact.phone).toBe('+14155550100');
  });

  it('follows a phone-first priority', async () => {
    const { api, locationId } = setup({}, { duplicatePriority: ['phone', 'email'] });
    await api('POST', '/contacts/', { body: { locationId, email: 'ada@example.com' } });
    const byPhone = await api('POST', '/contacts/', {
      body: { locationId, phone: '+14155550100' },
    });
    const res = await api('POST', '/contacts/upsert', {
      body: { locationId, email: 'ada@example.com', phone: '+1 415 555 0100' },
    });
    expect(res.body.contact.id).toBe(byPhone.body.contact.id);
  });

  it('createNewIfDuplicateAllowed creates only where duplicates are allowed', async () => {
    const strict = setup();
    await strict.api('POST', '/contacts/', {
      body: { locationId: strict.locationId, email: 'a@example.com' },
    });
    const refused = await strict.api('POST', '/contacts/upsert', {
      body: {
        locationId: strict.locationId,
        email: 'a@example.com',
        createNewIfDuplicateAllowed: true,
      },
    });
    expect(refused.body.new).toBe(false);

    const open = setup({}, { allowDuplicateContact: true });
    await open.api('POST', '/contacts/', {
      body: { locationId: open.locationId, email: 'a@example.com' },
    });
    const created = await open.api('POST', '/contacts/upsert', {
      body: {
        locationId: open.locationId,
        email: 'a@example.com',
        createNewIfDuplicateAllowed: true,
      },
    });
    expect(created.body.new).toBe(true);
    expect(open.emulator.control.locationState(open.locationId).contacts).toHaveLength(2);
  });

  it('rejects unknown properties with 422', async () => {
    const { api, locationId } = setup();
    const res = await api('POST', '/contacts/upsert', {
      body: { locationId, email: 'a@example.com', additionalEmails: [] },
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual(['property additionalEmails should not exist']);
  });
});
