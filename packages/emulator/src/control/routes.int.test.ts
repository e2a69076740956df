/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { manualClock } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { createEmulator, DEMO, type Emulator } from '../index.js';
import { call } from '../../test/harness.js';
import { controlRoutes } from './routes.js';

async function control(emulator: Emulator, method: string, path: string, body?: unknown) {
  const res = await emulator.fetch(
    new Request(`http://ghl.test/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

describe('control API over HTTP', () => {
  it('lists itself at GET /_emulator: every route there is, with what it does and its fields', async () => {
    const emulator = createEmulator();
    const { status, body } = await control(emulator, 'GET', '');
    expect(status).toBe(200);
    const listed = (body.controlApi as { method: string; path: string }[])
      .map((route) => `${route.method} ${route.path}`)
      .sort();
    const served = controlRoutes(emulator.control)
      .routes.map((route) => `${route.method} /_emulator${route.path === '/' ? '' : route.path}`)
      .sort();
    expect(listed).toEqual([...new Set(served)]);
    expect(body.controlApi).toContainEqual({
      method: 'PUT',
      path: '/_emulator/clock',
      does: 'jump the emulator clock (its own clock only)',
      body: [{ name: 'now', type: 'ISO string | epoch ms', required: true }],
    });
  });

  it('creates a Location whose token works on HighLevel routes', async () => {
    const emulator = createEmulator();
    const created = await control(emulator, 'POST', '/locations', {
      name: 'Clinic',
      timezone: 'America/Chicago',
      allowDuplicateContact: true,
    });
    expect(created.status).toBe(201);
    const { locationId, companyId, token } = created.body;
    expect(token).toMatch(/^pit-[0-9a-f-]{36}$/);
    expect(created.headers.get('x-ratelimit-max')).toBeNull();
    const got = await call(emulator, 'GET', `/locations/${locationId}`, { token });
    expect(got.body.location).toMatchObject({
      companyId,
      name: 'Clinic',
      timezone: 'America/Chicago',
    });
  });

  it('issues tokens with chosen scopes', async () => {
    const emulator = createEmulator();
    const { body: loc } = await control(emulator, 'POST', '/locations', {});
    const { body } = await control(emulator, 'POST', `/locations/${loc.locationId}/tokens`, {
      scopes: ['contacts.readonly'],
    });
    const write = await call(emulator, 'POST', '/contacts/', {
      token: body.token,
      body: { locationId: loc.locationId, email: 'a@example.com' },
    });
    expect(write.status).toBe(401);
    const missing = await control(emulator, 'POST', '/locations/nope/tokens', {});
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('location_not_found');
  });

  it('adds users and shows the whole Location state and request log', async () => {
    const emulator = createEmulator();
    const { body: loc } = await control(emulator, 'POST', '/locations', {});
    const user = await control(emulator, 'POST', `/locations/${loc.locationId}/users`, {
      firstName: 'Sam',
      lastName: 'Stylist',
    });
    expect(user.status).toBe(201);
    await call(emulator, 'POST', '/contacts/', {
      token: loc.token,
      body: { locationId: loc.locationId, email: 'a@example.com' },
    });
    await call(emulator, 'GET', '/contacts/missing', { token: loc.token });
    const state = await control(emulator, 'GET', `/locations/${loc.locationId}/state`);
    expect(state.body.users.map((u: { name: string }) => u.name)).toEqual(['Sam Stylist']);
    expect(state.body.contacts.map((c: { email: string }) => c.email)).toEqual(['a@example.com']);
    const log = await control(emulator, 'GET', `/requests?locationId=${loc.locationId}`);
    expect(
      log.body.requests.map((r: { method: string; operation: string; status: number }) => [
        r.method,
        r.operation,
        r.status,
      ]),
    ).toEqual([
      ['POST', '/contacts/', 201],
      ['GET', '/contacts/{contactId}', 400],
    ]);
  });

  it('sets and clears faults', async () => {
    const emulator = createEmulator({ seed: 'demo' });
    const set = await control(emulator, 'PUT', '/faults', {
      rules: [{ match: { path: '^/locations/' }, status: 503 }],
    });
    expect(set.body.faults).toHaveLength(1);
    const path = `/locations/${DEMO.locationId}`;
    expect((await call(emulator, 'GET', path, { token: DEMO.token })).status).toBe(503);
    await control(emulator, 'DELETE', '/faults');
    expect((await call(emulator, 'GET', path, { token: DEMO.token })).status).toBe(200);
    const bad = await control(emulator, 'PUT', '/faults', { rule: {} });
    expect(bad.status).toBe(422);
  });

  it('resets to the seed', async () => {
    const emulator = createEmulator({ seed: 'demo' });
    await call(emulator, 'POST', '/contacts/', {
      token: DEMO.token,
      body: { locationId: DEMO.locationId, email: 'a@example.com' },
    });
    const extra = await control(emulator, 'POST', '/locations', {});
    await control(emulator, 'POST', '/reset');
    expect(emulator.control.locationState(DEMO.locationId).contacts).toEqual([]);
    expect(
      (await control(emulator, 'GET', `/locations/${extra.body.locationId}/state`)).status,
    ).toBe(404);
    expect(
      (await call(emulator, 'GET', `/locations/${DEMO.locationId}`, { token: DEMO.token })).status,
    ).toBe(200);
  });

  it("sets and advances the emulator's own clock; contacts get its time", async () => {
    const emulator = createEmulator({ seed: 'demo' });
    const set = await control(emulator, 'PUT', '/clock', { now: '2027-01-01T00:00:00Z' });
    expect(set.body.now.startsWith('2027-01-01T00:00:0')).toBe(true);
    const advanced = await control(emulator, 'POST', '/clock/advance', { ms: 86_400_000 });
    expect(advanced.body.now.startsWith('2027-01-02T00:00:0')).toBe(true);
    const res = await call(emulator, 'POST', '/contacts/', {
      token: DEMO.token,
      body: { locationId: DEMO.locationId, email: 'a@example.com' },
    });
    expect(res.body.contact.dateAdded.startsWith('2027-01-02T00:00:0')).toBe(true);
  });

  it('advances an injected manual clock but cannot move it back', async () => {
    const clock = manualClock(Date.parse('2026-01-01T00:00:00Z'));
    const emulator = createEmulator({ clock });
    await control(emulator, 'POST', '/clock/advance', { ms: 1_000 });
    expect(clock.now()).toBe(Date.parse('2026-01-01T00:00:01Z'));
    const back = await control(emulator, 'PUT', '/clock', { now: '2025-01-01T00:00:00Z' });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('clock_not_settable');
  });

  it('snapshots and loads the whole state', async () => {
    const first = createEmulator({ seed: 'demo' });
    await call(first, 'POST', '/contacts/', {
      token: DEMO.token,
      body: { locationId: DEMO.locationId, email: 'kept@example.com' },
    });
    const snapshot = JSON.parse(JSON.stringify(first.control.snapshot()));
    const second = createEmulator();
    second.control.load(snapshot);
    const found = await call(second, 'POST', '/contacts/search', {
      token: DEMO.token,
      body: { locationId: DEMO.locationId, pageLimit: 5 },
    });
    expect(found.body.contacts.map((c: { email: string }) => c.email)).toEqual([
      'kept@example.com',
    ]);
  });
});
