/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

describe('/contacts/{contactId}/tags', () => {
  it('adds (201, appending), removes (200), and lists the tags under the Location', async () => {
    const { api, locationId } = setup();
    const created = await api('POST', '/contacts/', {
      body: { locationId, email: 'a@example.com', tags: ['own-tag'] },
    });
    const id = created.body.contact.id as string;
    const added = await api('POST', `/contacts/${id}/tags`, { body: { tags: ['Booked', 'vip'] } });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ tags: ['own-tag', 'booked', 'vip'] });
    const removed = await api('DELETE', `/contacts/${id}/tags`, { body: { tags: ['vip'] } });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ tags: ['own-tag', 'booked'] });
    expect((await api('GET', `/contacts/${id}`)).body.contact.tags).toEqual(['own-tag', 'booked']);
    const locationTags = await api('GET', `/locations/${locationId}/tags`);
    expect(locationTags.body.tags.map((t: { name: string }) => t.name)).toEqual([
      'booked',
      'own-tag',
      'vip',
    ]);
  });

  it('422s without tags, 400s for a missing contact', async () => {
    const { api, locationId } = setup();
    const created = await api('POST', '/contacts/', {
      body: { locationId, email: 'a@example.com' },
    });
    const bad = await api('POST', `/contacts/${created.body.contact.id}/tags`, { body: {} });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual(['tags should not be empty']);
    const missing = await api('POST', '/contacts/nope/tags', { body: { tags: ['x'] } });
    expect(missing.status).toBe(400);
  });
});
