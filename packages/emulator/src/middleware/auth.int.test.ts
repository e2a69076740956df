/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { manualClock } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';

describe('Version header', () => {
  it('is required: missing -> 401 "version header was not found"', async () => {
    const { api, locationId } = setup();
    const res = await api('GET', `/locations/${locationId}`, { version: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, message: 'version header was not found' });
  });

  it('accepts 2021-07-28, 2021-04-15 and 2023-02-21 alike', async () => {
    const { api, locationId } = setup();
    for (const version of ['2021-07-28', '2021-04-15', '2023-02-21']) {
      const res = await api('GET', `/locations/${locationId}`, { version });
      expect(res.status, version).toBe(200);
    }
  });

  it('is checked before the token', async () => {
    const { emulator, locationId } = setup();
    const res = await call(emulator, 'GET', `/locations/${locationId}`, { version: null });
    expect(res.body.message).toBe('version header was not found');
  });
});

describe('auth triad', () => {
  it('no token, an unknown token, or a revoked token -> 401 Invalid JWT', async () => {
    const { emulator, locationId, token } = setup();
    const path = `/locations/${locationId}`;
    const none = await call(emulator, 'GET', path);
    const unknown = await call(emulator, 'GET', path, { token: 'pit-not-a-token' });
    emulator.control.revokeToken(token);
    const revoked = await call(emulator, 'GET', path, { token });
    for (const res of [none, unknown, revoked]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, message: 'Invalid JWT' });
    }
  });

  it('an expired token -> 401 Invalid JWT, on the emulator clock', async () => {
    const clock = manualClock(Date.parse('2026-03-01T00:00:00Z'));
    const { emulator, locationId } = setup({ clock });
    const { token } = emulator.control.createToken(locationId, { expiresAt: clock.now() + 60_000 });
    const path = `/locations/${locationId}`;
    expect((await call(emulator, 'GET', path, { token })).status).toBe(200);
    await clock.advance(60_000);
    const res = await call(emulator, 'GET', path, { token });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('Invalid JWT');
  });

  it('a token without the operation scope -> 401 not authorized for this scope', async () => {
    const { emulator, locationId } = setup();
    const { token } = emulator.control.createToken(locationId, { scopes: ['contacts.readonly'] });
    const res = await call(emulator, 'POST', '/contacts/', {
      token,
      body: { locationId, email: 'a@example.com' },
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      statusCode: 401,
      message: 'The token is not authorized for this scope.',
    });
    expect(emulator.control.locationState(locationId).contacts).toEqual([]);
  });

  it('takes scopes from the spec: contacts.readonly is enough to search', async () => {
    const { emulator, locationId } = setup();
    const { token } = emulator.control.createToken(locationId, { scopes: ['contacts.readonly'] });
    const res = await call(emulator, 'POST', '/contacts/search', {
      token,
      body: { locationId, pageLimit: 10 },
    });
    expect(res.status).toBe(200);
  });

  it('item routes the spec leaves without scope need their collection scope', async () => {
    const { emulator, locationId, api } = setup();
    const created = await api('POST', `/locations/${locationId}/customFields`, {
      body: { name: 'Total bookings', dataType: 'NUMERICAL' },
    });
    const id = created.body.customField.id as string;
    const { token: tagsOnly } = emulator.control.createToken(locationId, {
      scopes: ['locations/tags.readonly'],
    });
    const { token: reader } = emulator.control.createToken(locationId, {
      scopes: ['locations/customFields.readonly'],
    });
    const path = `/locations/${locationId}/customFields/${id}`;
    expect((await call(emulator, 'GET', path, { token: tagsOnly })).status).toBe(401);
    expect((await call(emulator, 'GET', path, { token: reader })).status).toBe(200);
    const del = await call(emulator, 'DELETE', path, { token: reader });
    expect(del.body.message).toBe('The token is not authorized for this scope.');
  });

  it("another Location's id -> 403, in the path, the query or the body", async () => {
    const { emulator, api } = setup();
    const other = emulator.control.createLocation({ name: 'Other' });
    const expected = {
      statusCode: 403,
      message: 'The token does not have access to this location.',
    };
    const inPath = await api('GET', `/locations/${other.locationId}`);
    const inQuery = await api('GET', `/contacts/?locationId=${other.locationId}`);
    const inBody = await api('POST', '/contacts/', {
      body: { locationId: other.locationId, email: 'x@example.com' },
    });
    for (const res of [inPath, inQuery, inBody]) {
      expect(res.status).toBe(403);
      expect(res.body).toEqual(expected);
    }
    expect(emulator.control.locationState(other.locationId).contacts).toEqual([]);
  });

  it("another Location's contact -> 403", async () => {
    const { emulator, api } = setup();
    const other = emulator.control.createLocation({ name: 'Other' });
    const theirs = await call(emulator, 'POST', '/contacts/', {
      token: other.token,
      body: { locationId: other.locationId, email: 'theirs@example.com' },
    });
    const res = await api('GET', `/contacts/${theirs.body.contact.id}`);
    expect(res.status).toBe(403);
  });

  it('checks scope before Location: unheld scope on a foreign Location is 401, held is 403', async () => {
    const { emulator, locationId } = setup();
    const other = emulator.control.createLocation({ name: 'Other' });
    const { token } = emulator.control.createToken(locationId, { scopes: ['contacts.readonly'] });
    const unheld = await call(emulator, 'POST', '/contacts/', {
      token,
      body: { locationId: other.locationId },
    });
    const held = await call(emulator, 'POST', '/contacts/search', {
      token,
      body: { locationId: other.locationId, pageLimit: 1 },
    });
    expect([unheld.status, held.status]).toEqual([401, 403]);
  });
});

describe('routing', () => {
  it('an unknown path -> NestJS 404', async () => {
    const { api } = setup();
    const res = await api('GET', '/no/such/thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      message: 'Cannot GET /no/such/thing',
      error: 'Not Found',
      statusCode: 404,
    });
  });

  it('a body that is not JSON -> 400', async () => {
    const { emulator, token } = setup();
    const res = await emulator.fetch(
      new Request('http://ghl.test/contacts/', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, Version: '2021-07-28' },
        body: '{"locationId":',
      }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { statusCode: number }).statusCode).toBe(400);
  });
});
