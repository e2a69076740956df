/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';
import { installedApp } from '../../test/oauth.js';

function withUsers() {
  const s = setup();
  const { control } = s.emulator;
  const sam = control.createUser(s.locationId, { firstName: 'Sam', lastName: 'Stylist' });
  const ada = control.createUser(s.locationId, {
    firstName: 'Ada',
    lastName: 'Owner',
    email: 'ada@salon.example',
    role: 'admin',
  });
  const sister = control.createLocation({ name: 'Sister salon', companyId: s.companyId });
  const kim = control.createUser(sister.locationId, { firstName: 'Kim', role: 'user' });
  return { ...s, sam, ada, kim, sister };
}

const names = (res: { body: { users: { name: string }[] } }) => res.body.users.map((u) => u.name);

describe('GET /users/search', () => {
  it("with a Location token: that Location's users, filtered and paged", async () => {
    const { api, companyId } = withUsers();
    const all = await api('GET', `/users/search?companyId=${companyId}`);
    expect(all.status).toBe(200);
    expect(names(all)).toEqual(['Sam Stylist', 'Ada Owner']);
    expect(all.body.count).toBe(2);
    expect(all.body.users[1]).toMatchObject({
      email: 'ada@salon.example',
      roles: { type: 'account', role: 'admin' },
    });
    const found = await api('GET', `/users/search?companyId=${companyId}&query=salon.example`);
    expect(names(found)).toEqual(['Ada Owner']);
    const sorted = await api('GET', `/users/search?companyId=${companyId}&sort=name&limit=1`);
    expect(names(sorted)).toEqual(['Ada Owner']);
    expect(sorted.body.count).toBe(2);
  });

  it('requires companyId, of its own agency', async () => {
    const { api, emulator } = withUsers();
    const missing = await api('GET', '/users/search');
    expect(missing.status).toBe(422);
    expect(missing.body.message).toEqual(['companyId should not be empty']);
    const other = emulator.control.createLocation();
    expect((await api('GET', `/users/search?companyId=${other.companyId}`)).status).toBe(403);
  });

  it("with an agency token: every user of the agency's Locations", async () => {
    const { emulator, companyId, sister } = withUsers();
    const app = await installedApp(emulator, { companyId }, { scopes: ['users.readonly'] });
    const token = app.accessToken;
    const all = await call(emulator, 'GET', `/users/search?companyId=${companyId}`, { token });
    expect(names(all)).toEqual(['Sam Stylist', 'Ada Owner', 'Kim User']);
    const one = await call(
      emulator,
      'GET',
      `/users/search?companyId=${companyId}&locationId=${sister.locationId}`,
      { token },
    );
    expect(names(one)).toEqual(['Kim User']);
  });
});

describe('GET /users/{userId}', () => {
  it('answers the user unwrapped; 400 when unknown; 403 for another Location', async () => {
    const { api, ada, kim } = withUsers();
    const res = await api('GET', `/users/${ada.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ada.id, firstName: 'Ada', lastName: 'Owner' });
    expect(res.body).not.toHaveProperty('user');
    expect((await api('GET', '/users/nobody')).status).toBe(400);
    expect((await api('GET', `/users/${kim.id}`)).status).toBe(403);
  });
});

describe('GET /users/ (Get User by Location)', () => {
  it("lists the Location's users with id, names and email, and only them", async () => {
    const { api, locationId, sam, ada } = withUsers();
    const res = await api('GET', `/users/?locationId=${locationId}`);
    expect(res.status).toBe(200);
    expect(res.body.users).toEqual([
      expect.objectContaining({ id: sam.id, name: 'Sam Stylist', firstName: 'Sam' }),
      expect.objectContaining({
        id: ada.id,
        name: 'Ada Owner',
        firstName: 'Ada',
        lastName: 'Owner',
        email: 'ada@salon.example',
      }),
    ]);
  });

  it('sees users added with POST /users/ too', async () => {
    const { api, locationId, companyId } = withUsers();
    const created = await api('POST', '/users/', {
      body: {
        companyId,
        firstName: 'Lee',
        lastName: 'Front',
        email: 'lee@salon.example',
        password: 'correct horse battery staple',
        type: 'account',
        role: 'user',
        locationIds: [locationId],
      },
    });
    expect(created.status).toBe(201);
    const res = await api('GET', `/users/?locationId=${locationId}`);
    expect(names(res)).toEqual(['Sam Stylist', 'Ada Owner', 'Lee Front']);
  });

  it('needs locationId (422), of the token’s own Location (403)', async () => {
    const { api, sister } = withUsers();
    const missing = await api('GET', '/users/');
    expect(missing.status).toBe(422);
    expect(missing.body.message).toEqual(['locationId should not be empty']);
    expect((await api('GET', `/users/?locationId=${sister.locationId}`)).status).toBe(403);
  });
});
