/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

describe('/contacts/{contactId}/followers', () => {
  it('adds followers (201) and removes them (200), naming what changed', async () => {
    const { api, emulator, locationId } = setup();
    const created = await api('POST', '/contacts/', {
      body: { locationId, email: 'ada@example.com' },
    });
    const id = created.body.contact.id as string;
    const added = await api('POST', `/contacts/${id}/followers`, {
      body: { followers: ['u1', 'u2'] },
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ followers: ['u1', 'u2'], followersAdded: ['u1', 'u2'] });
    const again = await api('POST', `/contacts/${id}/followers`, {
      body: { followers: ['u2', 'u3'] },
    });
    expect(again.body).toEqual({ followers: ['u1', 'u2', 'u3'], followersAdded: ['u3'] });
    const removed = await api('DELETE', `/contacts/${id}/followers`, {
      body: { followers: ['u1', 'u9'] },
    });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ followers: ['u2', 'u3'], followersRemoved: ['u1'] });
    expect(emulator.control.locationState(locationId).contacts[0]!.followers).toEqual(['u2', 'u3']);
    expect((await api('GET', `/contacts/${id}`)).body.contact.followers).toEqual(['u2', 'u3']);
  });

  it('422s without followers or with a follower that is not a string', async () => {
    const { api, locationId } = setup();
    const created = await api('POST', '/contacts/', {
      body: { locationId, email: 'ada@example.com' },
    });
    const path = `/contacts/${created.body.contact.id}/followers`;
    const missing = await api('POST', path, { body: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.message).toEqual(['followers should not be empty']);
    const number = await api('DELETE', path, { body: { followers: [7] } });
    expect(number.body.message).toEqual(['each value in followers must be a string']);
    const unknown = await api('POST', '/contacts/nope/followers', { body: { followers: [] } });
    expect(unknown.status).toBe(400);
  });
});
