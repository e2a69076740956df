/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

async function twoContacts() {
  const s = setup();
  const ids: string[] = [];
  for (const [email, tags] of [
    ['ada@example.com', ['vip']],
    ['bo@example.com', ['lapsed', 'vip']],
  ] as const) {
    const res = await s.api('POST', '/contacts/', {
      body: { locationId: s.locationId, email, tags },
    });
    ids.push(res.body.contact.id as string);
  }
  return { ...s, ids: ids as [string, string] };
}

describe('POST /contacts/bulk/tags/update/{type}', () => {
  it('adds tags to every contact named (201), reporting each one', async () => {
    const { api, emulator, locationId, ids } = await twoContacts();
    const events: string[] = [];
    emulator.control.onEvent((e) => events.push(e.type));
    const res = await api('POST', '/contacts/bulk/tags/update/add', {
      body: { locationId, contacts: ids, tags: ['VIP', 'Spring Promo'] },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      succeded: true,
      errorCount: 0,
      responses: [
        {
          contactId: ids[0],
          message: 'Tags updated',
          type: 'success',
          oldTags: ['vip'],
          tagsAdded: ['spring promo'],
          tagsRemoved: [],
        },
        {
          contactId: ids[1],
          message: 'Tags updated',
          type: 'success',
          oldTags: ['lapsed', 'vip'],
          tagsAdded: ['spring promo'],
          tagsRemoved: [],
        },
      ],
    });
    const state = emulator.control.locationState(locationId);
    expect(state.contacts.map((c) => c.tags)).toEqual([
      ['vip', 'spring promo'],
      ['lapsed', 'vip', 'spring promo'],
    ]);
    expect(state.tags.map((t) => t.name)).toContain('spring promo');
    expect(events).toEqual(['ContactTagUpdate', 'ContactTagUpdate']);
  });

  it('removes the named tags, or every tag with removeAllTags', async () => {
    const { api, emulator, locationId, ids } = await twoContacts();
    await api('POST', '/contacts/bulk/tags/update/remove', {
      body: { locationId, contacts: ids, tags: ['vip'] },
    });
    const tagsNow = () => emulator.control.locationState(locationId).contacts.map((c) => c.tags);
    expect(tagsNow()).toEqual([[], ['lapsed']]);
    const all = await api('POST', '/contacts/bulk/tags/update/remove', {
      body: { locationId, contacts: [ids[1]], tags: [], removeAllTags: true },
    });
    expect(all.body.responses[0]).toMatchObject({ tagsRemoved: ['lapsed'] });
    expect(tagsNow()).toEqual([[], []]);
  });

  it('reports ids it could not update and still updates the others', async () => {
    const { api, emulator, locationId, ids } = await twoContacts();
    const other = emulator.control.createLocation({ name: 'Elsewhere' });
    const stranger = await emulator.fetch(
      new Request('http://ghl.test/contacts/', {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${other.token}`,
          Version: '2021-07-28',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ locationId: other.locationId, email: 'cy@example.com' }),
      }),
    );
    const strangerId = ((await stranger.json()) as { contact: { id: string } }).contact.id;
    const res = await api('POST', '/contacts/bulk/tags/update/add', {
      body: {
        locationId,
        contacts: [ids[0], 'abcdef', 'qFSqySFkVvNzOSqgGqFi', strangerId],
        tags: ['new'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.succeded).toBe(false);
    expect(res.body.errorCount).toBe(3);
    expect(res.body.responses.slice(1)).toEqual([
      { contactId: 'abcdef', message: 'contact id is not a valid firebase id', type: 'error' },
      { contactId: 'qFSqySFkVvNzOSqgGqFi', message: 'contact is deleted', type: 'error' },
      { contactId: strangerId, message: 'contact does not belong to location', type: 'error' },
    ]);
    expect(emulator.control.locationState(locationId).contacts[0]!.tags).toEqual(['vip', 'new']);
    expect(emulator.control.locationState(other.locationId).contacts[0]!.tags).toEqual([]);
  });

  it('422s an unknown type, removeAllTags with add, and more than 500 contacts', async () => {
    const { api, locationId, ids } = await twoContacts();
    const body = { locationId, contacts: ids, tags: ['x'] };
    const type = await api('POST', '/contacts/bulk/tags/update/replace', { body });
    expect(type.status).toBe(422);
    expect(type.body.message).toEqual(['type must be one of the following values: add, remove']);
    const removeAll = await api('POST', '/contacts/bulk/tags/update/add', {
      body: { ...body, removeAllTags: true },
    });
    expect(removeAll.body.message).toEqual(['removeAllTags can only be used with the remove type']);
    const many = await api('POST', '/contacts/bulk/tags/update/add', {
      body: { ...body, contacts: Array.from({ length: 501 }, () => ids[0]) },
    });
    expect(many.status).toBe(422);
    expect(many.body.message).toEqual(['contacts must contain no more than 500 elements']);
  });

  it('needs contacts.write, though the spec names no scope', async () => {
    const { emulator, locationId, ids } = await twoContacts();
    const { token } = emulator.control.createToken(locationId, { scopes: ['contacts.readonly'] });
    const res = await emulator.fetch(
      new Request('http://ghl.test/contacts/bulk/tags/update/add', {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          Version: '2021-07-28',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ locationId, contacts: ids, tags: ['x'] }),
      }),
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      statusCode: 401,
      message: 'The token is not authorized for this scope.',
    });
  });
});
