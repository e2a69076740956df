/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { manualClock } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

describe('POST /contacts/', () => {
  it('creates a contact: 201, E.164 phone, lower-cased derived fields and tags', async () => {
    const { api, locationId } = setup();
    const res = await api('POST', '/contacts/', {
      body: {
        locationId,
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'Ada@Example.com',
        phone: '(415) 555-0100',
        tags: ['VIP', ' booked '],
      },
    });
    expect(res.status).toBe(201);
    const { contact } = res.body;
    expect(contact).toMatchObject({
      locationId,
      firstName: 'Ada',
      email: 'Ada@Example.com',
      emailLowerCase: 'ada@example.com',
      fullNameLowerCase: 'ada lovelace',
      phone: '+14155550100',
      tags: ['vip', 'booked'],
      customFields: [],
    });
    expect(contact.id).toMatch(/^[A-Za-z0-9]{20}$/);
    const got = await api('GET', `/contacts/${contact.id}`);
    expect(got.status).toBe(200);
    expect(got.body.contact).toEqual(contact);
  });

  it('refuses a duplicate email (any case) with meta naming the match', async () => {
    const { api, locationId } = setup();
    const first = await api('POST', '/contacts/', {
      body: { locationId, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    });
    const dup = await api('POST', '/contacts/', { body: { locationId, email: 'ADA@example.com' } });
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual({
      statusCode: 400,
      message: 'This location does not allow duplicated contacts.',
      meta: {
        contactId: first.body.contact.id,
        contactName: 'Ada Lovelace',
        matchingField: 'email',
      },
    });
  });

  it('refuses a duplicate phone written differently', async () => {
    const { api, locationId } = setup();
    await api('POST', '/contacts/', { body: { locationId, phone: '+14155550100' } });
    const dup = await api('POST', '/contacts/', { body: { locationId, phone: '415.555.0100' } });
    expect(dup.status).toBe(400);
    expect(dup.body.meta.matchingField).toBe('phone');
  });

  it('allows duplicates when the Location does', async () => {
    const { api, locationId, emulator } = setup({}, { allowDuplicateContact: true });
    await api('POST', '/contacts/', { body: { locationId, email: 'ada@example.com' } });
    const second = await api('POST', '/contacts/', {
      body: { locationId, email: 'ada@example.com' },
    });
    expect(second.status).toBe(201);
    expect(emulator.control.locationState(locationId).contacts).toHaveLength(2);
  });

  it('rejects properties outside CreateContactDto with 422', async () => {
    const { api, locationId, emulator } = setup();
    const res = await api('POST', '/contacts/', {
      body: { locationId, email: 'a@example.com', additionalEmails: ['b@example.com'] },
    });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      message: ['property additionalEmails should not exist'],
      error: 'Unprocessable Entity',
      statusCode: 422,
    });
    expect(emulator.control.locationState(locationId).contacts).toEqual([]);
  });

  it('rejects wrong types and a missing locationId with 422', async () => {
    const { api } = setup();
    const res = await api('POST', '/contacts/', { body: { email: 5, tags: 'vip', dnd: 'yes' } });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual(
      expect.arrayContaining([
        'email must be a string',
        'tags must be an array',
        'dnd must be a boolean value',
        'locationId should not be empty',
      ]),
    );
  });
});

describe('GET/PUT/DELETE /contacts/{contactId}', () => {
  it('a missing contact is 400 "Contact not found for id:<id>"', async () => {
    const { api } = setup();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await api(method, '/contacts/abc123', method === 'PUT' ? { body: {} } : {});
      expect(res.status, method).toBe(400);
      expect(res.body).toEqual({
        message: 'Contact not found for id:abc123',
        error: 'Bad Request',
        statusCode: 400,
      });
    }
  });

  it('updates fields, replaces tags, and advances dateUpdated', async () => {
    const clock = manualClock(Date.parse('2026-02-01T10:00:00Z'));
    const { api, locationId } = setup({ clock });
    const created = await api('POST', '/contacts/', {
      body: { locationId, email: 'ada@example.com', tags: ['a', 'b'] },
    });
    const id = created.body.contact.id as string;
    await clock.advance(5_000);
    const res = await api('PUT', `/contacts/${id}`, { body: { firstName: 'Ada', tags: ['c'] } });
    expect(res.status).toBe(200);
    expect(res.body.succeded).toBe(true);
    expect(res.body.contact).toMatchObject({
      firstName: 'Ada',
      tags: ['c'],
      dateAdded: '2026-02-01T10:00:00.000Z',
      dateUpdated: '2026-02-01T10:00:05.000Z',
    });
  });

  it('rejects locationId, companyName and gender on update (not in UpdateContactDto)', async () => {
    const { api, locationId } = setup();
    const created = await api('POST', '/contacts/', {
      body: { locationId, email: 'a@example.com' },
    });
    const res = await api('PUT', `/contacts/${created.body.contact.id}`, {
      body: { locationId, companyName: 'X', gender: 'female' },
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual([
      'property locationId should not exist',
      'property companyName should not exist',
      'property gender should not exist',
    ]);
  });

  it("refuses an update onto another contact's email", async () => {
    const { api, locationId } = setup();
    const ada = await api('POST', '/contacts/', { body: { locationId, email: 'ada@example.com' } });
    const bob = await api('POST', '/contacts/', { body: { locationId, email: 'bob@example.com' } });
    const res = await api('PUT', `/contacts/${bob.body.contact.id}`, {
      body: { email: 'ada@example.com' },
    });
    expect(res.status).toBe(400);
    expect(res.body.meta.contactId).toBe(ada.body.contact.id);
    const same = await api('PUT', `/contacts/${ada.body.contact.id}`, {
      body: { email: 'ada@example.com' },
    });
    expect(same.status).toBe(200);
  });

  it('deletes with {succeded: true}; the contact is then not found', async () => {
    const { api, locationId, emulator } = setup();
    const created = await api('POST', '/contacts/', {
      body: { locationId, email: 'a@example.com' },
    });
    const id = created.body.contact.id as string;
    await api('POST', `/contacts/${id}/notes`, { body: { body: 'hello' } });
    const res = await api('DELETE', `/contacts/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ succeded: true });
    expect((await api('GET', `/contacts/${id}`)).status).toBe(400);
    expect(emulator.control.locationState(locationId).notes).toEqual([]);
  });
});
