/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

async function withFields() {
  const s = setup();
  const base = `/locations/${s.locationId}/customFields`;
  const make = async (body: Record<string, unknown>) =>
    (await s.api('POST', base, { body })).body.customField as { id: string; fieldKey: string };
  const fields = {
    bookings: await make({ name: 'Total Bookings', dataType: 'NUMERICAL' }),
    service: await make({ name: 'Last service', dataType: 'TEXT' }),
    plan: await make({ name: 'Plan', dataType: 'SINGLE_OPTIONS', options: ['basic', 'pro'] }),
    extras: await make({
      name: 'Extras',
      dataType: 'MULTIPLE_OPTIONS',
      options: ['oil', 'hot stones'],
    }),
    lastVisit: await make({ name: 'Last visit', dataType: 'DATE' }),
  };
  return { ...s, base, fields };
}

describe('/locations/{locationId}/customFields', () => {
  it('creates (201) with a generated fieldKey, lists, gets by id or key, updates, deletes', async () => {
    const { api, base, fields, locationId } = await withFields();
    expect(fields.bookings.fieldKey).toBe('contact.total_bookings');
    const again = await api('POST', base, { body: { name: 'Total bookings', dataType: 'TEXT' } });
    expect(again.status).toBe(201);
    expect(again.body.customField).toMatchObject({
      fieldKey: 'contact.total_bookings_1',
      dataType: 'TEXT',
      locationId,
      model: 'contact',
    });
    const list = await api('GET', base);
    expect(list.body.customFields).toHaveLength(6);
    expect((await api('GET', `${base}?model=opportunity`)).body.customFields).toEqual([]);
    const byKey = await api('GET', `${base}/contact.total_bookings`);
    expect(byKey.body.customField.id).toBe(fields.bookings.id);
    const renamed = await api('PUT', `${base}/${fields.bookings.id}`, {
      body: { name: 'Bookings' },
    });
    expect(renamed.body.customField).toMatchObject({
      name: 'Bookings',
      fieldKey: 'contact.total_bookings',
    });
    expect((await api('DELETE', `${base}/${fields.bookings.id}`)).body).toEqual({ succeded: true });
    expect((await api('GET', `${base}/${fields.bookings.id}`)).status).toBe(400);
  });

  it('422s an unknown dataType and a dataType change on update', async () => {
    const { api, base, fields } = await withFields();
    const bad = await api('POST', base, { body: { name: 'X', dataType: 'COLOR' } });
    expect(bad.status).toBe(422);
    expect(bad.body.message[0]).toMatch(/^dataType must be one of the following values: TEXT/);
    const change = await api('PUT', `${base}/${fields.service.id}`, {
      body: { name: 'X', dataType: 'NUMERICAL' },
    });
    expect(change.status).toBe(422);
    expect(change.body.message).toEqual(['property dataType should not exist']);
  });
});

describe('custom field values on contacts', () => {
  it('accepts {id, field_value}, {key, value} and {id, fieldValue}; reads back [{id, value}]', async () => {
    const { api, locationId, fields } = await withFields();
    const res = await api('POST', '/contacts/', {
      body: {
        locationId,
        email: 'ada@example.com',
        customFields: [
          { id: fields.bookings.id, field_value: '3' },
          { key: 'last_service', value: 'Deep Tissue Massage' },
          { key: 'contact.extras', field_value: ['oil'] },
          { id: fields.lastVisit.id, fieldValue: '2026-04-01' },
        ],
      },
    });
    expect(res.status).toBe(201);
    const values = Object.fromEntries(
      (res.body.contact.customFields as { id: string; value: unknown }[]).map((f) => [
        f.id,
        f.value,
      ]),
    );
    expect(values).toEqual({
      [fields.bookings.id]: 3,
      [fields.service.id]: 'Deep Tissue Massage',
      [fields.extras.id]: ['oil'],
      [fields.lastVisit.id]: '2026-04-01',
    });
    const id = res.body.contact.id as string;
    const cleared = await api('PUT', `/contacts/${id}`, {
      body: { customFields: [{ id: fields.service.id, field_value: '' }] },
    });
    expect(cleared.body.contact.customFields).toHaveLength(3);
  });

  it('422s values of the wrong type or outside the options, naming the field', async () => {
    const { api, locationId, fields } = await withFields();
    const res = await api('POST', '/contacts/', {
      body: {
        locationId,
        email: 'ada@example.com',
        customFields: [
          { id: fields.bookings.id, field_value: 'three' },
          { id: fields.plan.id, field_value: 'gold' },
          { id: fields.lastVisit.id, field_value: 'someday' },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual([
      'customFields value for contact.total_bookings (NUMERICAL) must be a number',
      'customFields value for contact.plan (SINGLE_OPTIONS) must be one of the following values: basic, pro',
      'customFields value for contact.last_visit (DATE) must be a date (ISO 8601 or epoch ms)',
    ]);
  });

  it('400s an unknown field id and writes nothing', async () => {
    const { api, locationId, emulator } = await withFields();
    const res = await api('POST', '/contacts/', {
      body: {
        locationId,
        email: 'a@example.com',
        customFields: [{ id: 'gone0000000000000000', field_value: 'x' }],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Custom field not found for id:gone0000000000000000');
    expect(emulator.control.locationState(locationId).contacts).toEqual([]);
  });

  it('deleting a field removes its values from contacts', async () => {
    const { api, base, locationId, fields } = await withFields();
    const res = await api('POST', '/contacts/', {
      body: {
        locationId,
        email: 'a@example.com',
        customFields: [{ id: fields.service.id, field_value: 'x' }],
      },
    });
    await api('DELETE', `${base}/${fields.service.id}`);
    const got = await api('GET', `/contacts/${res.body.contact.id}`);
    expect(got.body.contact.customFields).toEqual([]);
  });
});
