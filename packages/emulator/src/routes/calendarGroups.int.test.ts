/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { anotherLocation, calendarSetup } from '../../test/calendars.js';

const GROUP = { name: 'Massage', description: 'All massage rooms', slug: 'massage' };

async function withGroup() {
  const setup = await calendarSetup();
  const { calApi, locationId } = setup;
  const res = await calApi('POST', '/calendars/groups', { body: { locationId, ...GROUP } });
  return { ...setup, group: res.body.group, created: res };
}

describe('POST /calendars/groups', () => {
  it('creates an active group (201) that GET /calendars/groups lists', async () => {
    const { calApi, locationId, created } = await withGroup();
    expect(created.status).toBe(201);
    expect(created.body.group).toEqual({
      id: expect.any(String),
      locationId,
      ...GROUP,
      isActive: true,
    });
    const list = await calApi('GET', `/calendars/groups?locationId=${locationId}`);
    expect(list.status).toBe(200);
    expect(list.body.groups).toEqual([created.body.group]);
  });

  it('refuses a slug the Location already uses (400) and missing fields (422)', async () => {
    const { calApi, locationId } = await withGroup();
    const taken = await calApi('POST', '/calendars/groups', {
      body: { locationId, ...GROUP, name: 'Other' },
    });
    expect(taken.status).toBe(400);
    expect(taken.body.message).toBe('Group slug massage is already taken');
    const bare = await calApi('POST', '/calendars/groups', { body: { locationId, name: 'x' } });
    expect(bare.status).toBe(422);
    expect(bare.body.message).toEqual([
      'description should not be empty',
      'slug should not be empty',
    ]);
  });
});

describe('POST /calendars/groups/validate-slug', () => {
  it('says whether a slug is still free in the Location', async () => {
    const { calApi, locationId, emulator } = await withGroup();
    const check = (slug: string) =>
      calApi('POST', '/calendars/groups/validate-slug', { body: { locationId, slug } });
    expect((await check('massage')).body).toEqual({ available: false });
    expect((await check('facials')).body).toEqual({ available: true });
    const other = await anotherLocation(emulator);
    const elsewhere = await other.api('POST', '/calendars/groups/validate-slug', {
      body: { locationId: other.locationId, slug: 'massage' },
    });
    expect(elsewhere.body).toEqual({ available: true });
  });
});

describe('PUT /calendars/groups/{groupId} and …/status', () => {
  it('edits name, description and slug, and disables the group', async () => {
    const { calApi, group, emulator, locationId } = await withGroup();
    const edited = await calApi('PUT', `/calendars/groups/${group.id}`, {
      body: { name: 'Spa', description: 'Spa rooms', slug: 'massage' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.group).toMatchObject({ id: group.id, name: 'Spa', slug: 'massage' });
    const status = await calApi('PUT', `/calendars/groups/${group.id}/status`, {
      body: { isActive: false },
    });
    expect(status.status).toBe(200);
    expect(status.body).toEqual({ success: true });
    expect(emulator.control.locationState(locationId).calendarGroups).toMatchObject([
      { id: group.id, name: 'Spa', isActive: false },
    ]);
  });

  it("400s for an unknown group and 403s for another Location's", async () => {
    const { calApi, emulator } = await withGroup();
    const missing = await calApi('PUT', '/calendars/groups/nope/status', {
      body: { isActive: true },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('Group not found for id:nope');
    const other = await anotherLocation(emulator);
    const theirs = await other.api('POST', '/calendars/groups', {
      body: { locationId: other.locationId, ...GROUP },
    });
    const foreign = await calApi('DELETE', `/calendars/groups/${theirs.body.group.id}`);
    expect(foreign.status).toBe(403);
  });
});

describe('DELETE /calendars/groups/{groupId}', () => {
  it('removes the group and leaves its calendars ungrouped', async () => {
    const { calApi, group, locationId, emulator } = await withGroup();
    const calendar = emulator.control.createCalendar(locationId, {
      name: 'Deep tissue',
      groupId: group.id,
    });
    const res = await calApi('DELETE', `/calendars/groups/${group.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    const state = emulator.control.locationState(locationId);
    expect(state.calendarGroups).toEqual([]);
    const kept = state.calendars.find((c) => c.id === calendar.id);
    expect(kept).toBeDefined();
    expect(kept).not.toHaveProperty('groupId');
  });
});
