/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

describe('/locations/{locationId}/tags', () => {
  it('creates (200), gets, renames on contacts too, deletes from contacts too', async () => {
    const { api, locationId } = setup();
    const base = `/locations/${locationId}/tags`;
    const created = await api('POST', base, { body: { name: 'VIP' } });
    expect(created.status).toBe(200);
    expect(created.body.tag).toMatchObject({ name: 'vip', locationId });
    const tagId = created.body.tag.id as string;
    expect((await api('POST', base, { body: { name: 'vip' } })).status).toBe(400);
    const contact = await api('POST', '/contacts/', {
      body: { locationId, email: 'a@example.com', tags: ['vip', 'other'] },
    });
    const contactPath = `/contacts/${contact.body.contact.id}`;

    const renamed = await api('PUT', `${base}/${tagId}`, { body: { name: 'gold' } });
    expect(renamed.body.tag.name).toBe('gold');
    expect((await api('GET', `${base}/${tagId}`)).body.tag.name).toBe('gold');
    expect((await api('GET', contactPath)).body.contact.tags.sort()).toEqual(['gold', 'other']);

    expect((await api('DELETE', `${base}/${tagId}`)).body).toEqual({ succeded: true });
    expect((await api('GET', contactPath)).body.contact.tags).toEqual(['other']);
    expect((await api('GET', base)).body.tags.map((t: { name: string }) => t.name)).toEqual([
      'other',
    ]);
    expect((await api('GET', `${base}/${tagId}`)).status).toBe(400);
  });

  it('422s a body without a name', async () => {
    const { api, locationId } = setup();
    const res = await api('POST', `/locations/${locationId}/tags`, { body: { title: 'x' } });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual([
      'property title should not exist',
      'name should not be empty',
    ]);
  });
});
