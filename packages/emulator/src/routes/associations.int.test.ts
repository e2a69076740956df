/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

const body = (locationId: string, key = 'patient_guardian') => ({
  locationId,
  key,
  firstObjectKey: 'contact',
  firstObjectLabel: 'Patient',
  secondObjectKey: 'custom_objects.pets',
  secondObjectLabel: 'Owner',
});

async function withAssociation() {
  const s = setup();
  const res = await s.api('POST', '/associations/', { body: body(s.locationId) });
  return { ...s, associationId: res.body.id as string };
}

describe('POST /associations/', () => {
  it('creates a user-defined association, 201, listed by find, key and object key', async () => {
    const { api, locationId, associationId } = await withAssociation();
    const expected = {
      id: associationId,
      key: 'patient_guardian',
      associationType: 'USER_DEFINED',
    };
    const found = await api('GET', `/associations/?locationId=${locationId}&skip=0&limit=10`);
    expect(found.body).toMatchObject({ associations: [expected], total: 1 });
    const byKey = await api('GET', `/associations/key/patient_guardian?locationId=${locationId}`);
    expect(byKey.body).toMatchObject(expected);
    const byObject = await api(
      'GET',
      `/associations/objectKey/custom_objects.pets?locationId=${locationId}`,
    );
    expect(byObject.body).toMatchObject({ associations: [expected], total: 1 });
    const none = await api('GET', `/associations/objectKey/opportunity?locationId=${locationId}`);
    expect(none.body).toEqual({ associations: [], total: 0 });
  });

  it('refuses a key the Location already has, and labels that are not strings', async () => {
    const { api, locationId } = await withAssociation();
    const again = await api('POST', '/associations/', { body: body(locationId) });
    expect(again.status).toBe(400);
    expect(again.body.message).toBe('Association with key patient_guardian already exists');
    const numeric = await api('POST', '/associations/', {
      body: { ...body(locationId, 'other'), firstObjectLabel: 7 },
    });
    expect(numeric.status).toBe(422);
  });
});

describe('GET /associations/', () => {
  it('pages by skip and limit, which it requires', async () => {
    const { api, locationId } = await withAssociation();
    await api('POST', '/associations/', { body: body(locationId, 'second') });
    const second = await api('GET', `/associations/?locationId=${locationId}&skip=1&limit=1`);
    expect(second.body.associations.map((a: { key: string }) => a.key)).toEqual(['second']);
    expect(second.body.total).toBe(2);
    const unpaged = await api('GET', `/associations/?locationId=${locationId}`);
    expect(unpaged.status).toBe(422);
  });
});

describe('PUT and DELETE /associations/{associationId}', () => {
  it('relabels the association, then deletes it with its relations', async () => {
    const { api, emulator, locationId } = setup();
    const created = await api('POST', '/associations/', {
      body: { ...body(locationId), secondObjectKey: 'contact' },
    });
    const associationId = created.body.id as string;
    const updated = await api('PUT', `/associations/${associationId}`, {
      body: { firstObjectLabel: 'Child', secondObjectLabel: 'Parent' },
    });
    expect(updated.body).toMatchObject({ firstObjectLabel: 'Child', secondObjectLabel: 'Parent' });
    const contact = async (email: string) =>
      (await api('POST', '/contacts/', { body: { locationId, email } })).body.contact.id as string;
    await api('POST', '/associations/relations', {
      body: {
        locationId,
        associationId,
        firstRecordId: await contact('kid@example.com'),
        secondRecordId: await contact('mum@example.com'),
      },
    });
    const deleted = await api('DELETE', `/associations/${associationId}`);
    expect(deleted.body).toEqual({
      deleted: true,
      id: associationId,
      message: 'Association deleted successfully',
    });
    const state = emulator.control.locationState(locationId);
    expect([state.associations, state.relations]).toEqual([[], []]);
    const gone = await api('GET', `/associations/${associationId}`);
    expect(gone.status).toBe(400);
    expect(gone.body.message).toBe(`Association not found for id:${associationId}`);
  });
});
