/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

async function family() {
  const s = setup();
  const association = await s.api('POST', '/associations/', {
    body: {
      locationId: s.locationId,
      key: 'child_parent',
      firstObjectKey: 'contact',
      firstObjectLabel: 'Child',
      secondObjectKey: 'contact',
      secondObjectLabel: 'Parent',
    },
  });
  const contact = async (email: string) =>
    (await s.api('POST', '/contacts/', { body: { locationId: s.locationId, email } })).body.contact
      .id as string;
  return {
    ...s,
    associationId: association.body.id as string,
    child: await contact('kid@example.com'),
    parent: await contact('mum@example.com'),
  };
}

describe('POST /associations/relations', () => {
  it('links two records, 201, found from either record', async () => {
    const { api, locationId, associationId, child, parent } = await family();
    const res = await api('POST', '/associations/relations', {
      body: { locationId, associationId, firstRecordId: child, secondRecordId: parent },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      associationId,
      firstRecordId: child,
      secondRecordId: parent,
      key: 'child_parent',
    });
    const query = `locationId=${locationId}&skip=0&limit=10`;
    for (const recordId of [child, parent]) {
      const found = await api('GET', `/associations/relations/${recordId}?${query}`);
      expect(found.body).toMatchObject({ relations: [{ id: res.body.id }], total: 1 });
    }
    const filtered = await api(
      'GET',
      `/associations/relations/${child}?${query}&associationIds=other`,
    );
    expect(filtered.body).toEqual({ relations: [], total: 0 });
  });

  it('refuses a contact the Location lacks, and the same link twice', async () => {
    const { api, locationId, associationId, child, parent } = await family();
    const body = { locationId, associationId, firstRecordId: child, secondRecordId: parent };
    const unknown = await api('POST', '/associations/relations', {
      body: { ...body, secondRecordId: 'NoSuchContact0000001' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Contact not found for id:NoSuchContact0000001');
    await api('POST', '/associations/relations', { body });
    const twice = await api('POST', '/associations/relations', { body });
    expect(twice.status).toBe(400);
  });
});

describe('DELETE /associations/relations/{relationId}', () => {
  it('removes the link and leaves both records', async () => {
    const { api, emulator, locationId, associationId, child, parent } = await family();
    const created = await api('POST', '/associations/relations', {
      body: { locationId, associationId, firstRecordId: child, secondRecordId: parent },
    });
    const res = await api(
      'DELETE',
      `/associations/relations/${created.body.id}?locationId=${locationId}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(created.body.id);
    const state = emulator.control.locationState(locationId);
    expect(state.relations).toEqual([]);
    expect(state.contacts).toHaveLength(2);
    const again = await api(
      'DELETE',
      `/associations/relations/${created.body.id}?locationId=${locationId}`,
    );
    expect(again.status).toBe(400);
  });
});
