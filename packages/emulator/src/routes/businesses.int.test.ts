/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { manualClock } from '@ghl-bridge/client';
import { call, setup } from '../../test/harness.js';

const T0 = Date.parse('2026-03-02T13:00:00Z');

const names = (list: unknown) => (list as { name: string }[]).map((b) => b.name);

function withBusiness() {
  const clock = manualClock(T0);
  const s = setup({ clock });
  const create = (body: Record<string, unknown>) =>
    s.api('POST', '/businesses/', { body: { locationId: s.locationId, ...body } });
  return { ...s, clock, create };
}

describe('POST /businesses/', () => {
  it("answers 201 with the business under HighLevel's `buiseness`, and stores it", async () => {
    const { create, emulator, locationId } = withBusiness();
    const res = await create({ name: 'Acme Dental', city: 'Austin', email: 'hi@acme.example' });
    expect(res.status).toBe(201);
    expect(res.body.success).toBe(true);
    expect(res.body.buiseness).toMatchObject({
      name: 'Acme Dental',
      city: 'Austin',
      email: 'hi@acme.example',
      locationId,
      createdAt: '2026-03-02T13:00:00.000Z',
      updatedAt: '2026-03-02T13:00:00.000Z',
    });
    expect(emulator.control.locationState(locationId).businesses).toMatchObject([
      { id: res.body.buiseness.id as string, name: 'Acme Dental' },
    ]);
  });

  it('refuses a missing name, a stray property and another Location', async () => {
    const { create, emulator } = withBusiness();
    const nameless = await create({ city: 'Austin' });
    expect(nameless.status).toBe(422);
    expect(nameless.body.message).toContain('name should not be empty');
    const stray = await create({ name: 'Acme', industry: 'dental' });
    expect(stray.body.message).toContain('property industry should not exist');
    const other = emulator.control.createLocation().locationId;
    expect((await create({ name: 'Acme', locationId: other })).status).toBe(403);
  });
});

describe('GET/PUT/DELETE /businesses/{businessId}', () => {
  it('reads, updates (moving updatedAt) and deletes a business', async () => {
    const { api, create, clock } = withBusiness();
    const id = (await create({ name: 'Acme Dental' })).body.buiseness.id as string;
    const got = await api('GET', `/businesses/${id}`);
    expect(got.status).toBe(200);
    expect(got.body.business).toMatchObject({ id, name: 'Acme Dental' });

    await clock.advance(60_000);
    const put = await api('PUT', `/businesses/${id}`, { body: { name: 'Acme Smiles' } });
    expect(put.status).toBe(200);
    expect(put.body.buiseness).toMatchObject({
      name: 'Acme Smiles',
      createdAt: '2026-03-02T13:00:00.000Z',
      updatedAt: '2026-03-02T13:01:00.000Z',
    });

    const del = await api('DELETE', `/businesses/${id}`);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ success: true });
    const gone = await api('GET', `/businesses/${id}`);
    expect(gone.status).toBe(400);
    expect(gone.body.message).toBe(`Business not found for id:${id}`);
  });

  it("is a 403 for another Location's business", async () => {
    const { api, emulator } = withBusiness();
    const other = emulator.control.createLocation();
    const made = await call(emulator, 'POST', '/businesses/', {
      token: other.token,
      body: { locationId: other.locationId, name: 'Elsewhere Inc' },
    });
    const theirs = made.body.buiseness.id as string;
    expect((await api('GET', `/businesses/${theirs}`)).status).toBe(403);
    expect((await api('DELETE', `/businesses/${theirs}`)).status).toBe(403);
  });
});

describe('GET /businesses/', () => {
  it("lists the Location's businesses, oldest first, paged by skip and limit", async () => {
    const { api, create, clock, locationId } = withBusiness();
    for (const name of ['Acme', 'Bolt', 'Crest']) {
      await create({ name });
      await clock.advance(1000);
    }
    const all = await api('GET', `/businesses/?locationId=${locationId}`);
    expect(names(all.body.businesses)).toEqual(['Acme', 'Bolt', 'Crest']);
    const page = await api('GET', `/businesses/?locationId=${locationId}&skip=1&limit=1`);
    expect(names(page.body.businesses)).toEqual(['Bolt']);
    expect((await api('GET', '/businesses/')).status).toBe(422);
  });
});
