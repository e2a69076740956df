/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';
import { installedApp } from '../../test/oauth.js';

function newUser(companyId: string, locationId: string, extra: Record<string, unknown> = {}) {
  return {
    companyId,
    firstName: 'Sam',
    lastName: 'Stylist',
    email: 'sam@salon.example',
    password: 'correct horse battery staple',
    type: 'account',
    role: 'user',
    locationIds: [locationId],
    ...extra,
  };
}

describe('POST /users/', () => {
  it('creates a user of the Location: 201 with the user, seen by search', async () => {
    const { api, emulator, companyId, locationId } = setup();
    const res = await api('POST', '/users/', { body: newUser(companyId, locationId) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Sam Stylist',
      email: 'sam@salon.example',
      roles: { type: 'account', role: 'user', locationIds: [locationId] },
    });
    expect(res.body).not.toHaveProperty('password');
    expect(emulator.control.locationState(locationId).users).toMatchObject([
      { id: res.body.id as string, firstName: 'Sam' },
    ]);
    const found = await api('GET', `/users/search?companyId=${companyId}`);
    expect((found.body.users as { id: string }[]).map((u) => u.id)).toEqual([res.body.id]);
  });

  it('refuses a taken email, a missing password, an unknown role and another Location', async () => {
    const { api, emulator, companyId, locationId } = setup();
    await api('POST', '/users/', { body: newUser(companyId, locationId) });
    const taken = await api('POST', '/users/', {
      body: newUser(companyId, locationId, { email: 'SAM@salon.example' }),
    });
    expect(taken.status).toBe(400);
    const { password: _password, ...withoutPassword } = newUser(companyId, locationId);
    const missing = await api('POST', '/users/', { body: withoutPassword });
    expect(missing.body.message).toContain('password should not be empty');
    const role = await api('POST', '/users/', {
      body: newUser(companyId, locationId, { email: 'x@example.com', role: 'owner' }),
    });
    expect(role.body.message).toContain('role must be one of the following values: admin, user');
    const sister = emulator.control.createLocation({ companyId });
    const elsewhere = await api('POST', '/users/', {
      body: newUser(companyId, sister.locationId, { email: 'y@example.com' }),
    });
    expect(elsewhere.status).toBe(403);
  });

  it("with an agency token: a user in any of the agency's Locations", async () => {
    const { emulator, companyId } = setup();
    const sister = emulator.control.createLocation({ companyId });
    const app = await installedApp(emulator, { companyId }, { scopes: ['users.write'] });
    const res = await call(emulator, 'POST', '/users/', {
      token: app.accessToken,
      body: newUser(companyId, sister.locationId),
    });
    expect(res.status).toBe(201);
    expect(emulator.control.locationState(sister.locationId).users).toHaveLength(1);
  });
});

describe('PUT /users/{userId}', () => {
  it('changes names, phone and role; the email stays', async () => {
    const { api, emulator, locationId } = setup();
    const user = emulator.control.createUser(locationId, { firstName: 'Sam', lastName: 'S' });
    const res = await api('PUT', `/users/${user.id}`, {
      body: { lastName: 'Stylist', role: 'user', phone: '+15125550100', email: 'new@x.example' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Sam Stylist',
      phone: '+15125550100',
      email: user.email,
      roles: { role: 'user' },
    });
    expect((await api('GET', `/users/${user.id}`)).body.lastName).toBe('Stylist');
  });

  it("is a 400 for an unknown user and a 403 for another Location's", async () => {
    const { api, emulator } = setup();
    expect((await api('PUT', '/users/nobody', { body: { firstName: 'X' } })).status).toBe(400);
    const other = emulator.control.createLocation();
    const kim = emulator.control.createUser(other.locationId, { firstName: 'Kim' });
    expect((await api('PUT', `/users/${kim.id}`, { body: { firstName: 'X' } })).status).toBe(403);
  });
});

describe('DELETE /users/{userId}', () => {
  it("removes the user and answers HighLevel's queued message", async () => {
    const { api, emulator, locationId } = setup();
    const user = emulator.control.createUser(locationId, {
      firstName: 'Sam',
      lastName: 'Stylist',
      email: 'sam@salon.example',
    });
    const res = await api('DELETE', `/users/${user.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      succeded: true,
      message:
        'Queued deleting user with e-mail sam@salon.example and name Sam Stylist. Will take effect in a few minutes.',
    });
    expect(emulator.control.locationState(locationId).users).toEqual([]);
    expect((await api('GET', `/users/${user.id}`)).status).toBe(400);
  });
});

describe('POST /users/search/filter-by-email', () => {
  it("finds the agency's users by email, id and email unless projection says more", async () => {
    const { emulator, companyId, locationId, api } = setup();
    const sam = emulator.control.createUser(locationId, { email: 'sam@salon.example' });
    emulator.control.createUser(locationId, { email: 'kim@salon.example' });
    const app = await installedApp(emulator, { companyId }, { scopes: ['users.readonly'] });
    const search = (body: Record<string, unknown>) =>
      call(emulator, 'POST', '/users/search/filter-by-email', {
        token: app.accessToken,
        body: { companyId, ...body },
      });
    const res = await search({ emails: 'SAM@salon.example,nobody@x.example' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ users: [{ id: sam.id, email: sam.email }], count: 1 });
    const all = await search({ emails: sam.email, projection: 'all' });
    expect(all.body.users[0]).toMatchObject({ id: sam.id, firstName: sam.firstName });
    expect((await search({ emails: sam.email, deleted: true })).body.users).toEqual([]);
    const located = await api('POST', '/users/search/filter-by-email', {
      body: { companyId, emails: sam.email },
    });
    expect(located.status).toBe(401);
  });
});
