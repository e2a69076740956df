/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { anotherLocation, calendarSetup } from '../../test/calendars.js';

const room = (calendarIds: string[]) => ({
  name: 'Yoga room',
  description: 'Second floor, mats provided',
  quantity: 1,
  outOfService: 0,
  capacity: 12,
  calendarIds,
});

async function withRoom() {
  const setup = await calendarSetup();
  const { calApi, locationId, calendarId } = setup;
  const created = await calApi('POST', '/calendars/resources/rooms', {
    body: { locationId, ...room([calendarId]) },
  });
  return { ...setup, created, id: created.body._id as string };
}

describe('POST /calendars/resources/{resourceType}', () => {
  it('creates an active room (201) with the calendars it serves', async () => {
    const { created, locationId, calendarId } = await withRoom();
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      _id: expect.any(String),
      locationId,
      resourceType: 'rooms',
      isActive: true,
      ...room([calendarId]),
    });
  });

  it('refuses a missing field (422), an unknown calendar (400) and an unknown type (422)', async () => {
    const { calApi, locationId } = await calendarSetup();
    const { capacity: _capacity, ...withoutCapacity } = room([]);
    const missing = await calApi('POST', '/calendars/resources/rooms', {
      body: { locationId, ...withoutCapacity },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.message).toEqual(['capacity should not be empty']);
    const unknown = await calApi('POST', '/calendars/resources/rooms', {
      body: { locationId, ...room(['nope']) },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Calendar not found for id:nope');
    const type = await calApi('POST', '/calendars/resources/desks', {
      body: { locationId, ...room([]) },
    });
    expect(type.status).toBe(422);
    expect(type.body.message).toEqual([
      'resourceType must be one of the following values: equipments, rooms',
    ]);
  });
});

describe('GET /calendars/resources/{resourceType}', () => {
  it('lists the Location’s resources of that type, paged by skip and limit', async () => {
    const { calApi, locationId, id } = await withRoom();
    await calApi('POST', '/calendars/resources/equipments', {
      body: { locationId, ...room([]), name: 'Projector' },
    });
    const second = await calApi('POST', '/calendars/resources/rooms', {
      body: { locationId, ...room([]), name: 'Studio' },
    });
    const list = (query: string) =>
      calApi('GET', `/calendars/resources/rooms?locationId=${locationId}&${query}`);
    const all = await list('limit=10&skip=0');
    expect(all.status).toBe(200);
    expect(all.body.map((r: { _id: string }) => r._id)).toEqual([id, second.body._id]);
    const page = await list('limit=1&skip=1');
    expect(page.body.map((r: { name: string }) => r.name)).toEqual(['Studio']);
    const noLimit = await calApi('GET', `/calendars/resources/rooms?locationId=${locationId}`);
    expect(noLimit.status).toBe(422);
  });
});

describe('GET/PUT/DELETE /calendars/resources/{resourceType}/{id}', () => {
  it('reads, updates and deletes a room', async () => {
    const { calApi, id, emulator, locationId } = await withRoom();
    const path = `/calendars/resources/rooms/${id}`;
    expect((await calApi('GET', path)).body).toMatchObject({ _id: id, name: 'Yoga room' });
    const updated = await calApi('PUT', path, { body: { capacity: 20, isActive: false } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ capacity: 20, isActive: false, name: 'Yoga room' });
    const deleted = await calApi('DELETE', path);
    expect(deleted.body).toEqual({ success: true });
    expect(emulator.control.locationState(locationId).calendarResources).toEqual([]);
  });

  it("does not find a room as equipment (400), and 403s for another Location's room", async () => {
    const { calApi, id, emulator } = await withRoom();
    const asEquipment = await calApi('GET', `/calendars/resources/equipments/${id}`);
    expect(asEquipment.status).toBe(400);
    expect(asEquipment.body.message).toBe(`Calendar resource not found for id:${id}`);
    const other = await anotherLocation(emulator);
    const theirs = await other.api('POST', '/calendars/resources/rooms', {
      body: { locationId: other.locationId, ...room([]) },
    });
    expect((await calApi('GET', `/calendars/resources/rooms/${theirs.body._id}`)).status).toBe(403);
  });
});
