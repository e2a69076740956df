import { expect, it } from 'vitest';
import { bookingEvent, connectedWorkspace } from '../../../test/bookings.js';
import { describeOnBackends } from '../../../test/harness.js';
import { containing } from '../../../test/matchers.js';

describeOnBackends('text the database cannot store', (server) => {
  it('refuses a NUL in a booking field with 422 naming the field', async () => {
    const ws = await connectedWorkspace(server());
    const event = bookingEvent({ id: 'bk_1', firstName: 'Ada\u0000' });
    const res = await server().call('POST', `/v1/workspaces/${ws.id}/bookings`, { json: event });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'validation_failed',
      details: {
        fields: [{ path: 'customer.firstName', message: containing('NUL') }],
      },
    });
    expect(await ws.idle()).toEqual([]);
  });

  it('refuses a lone surrogate in a body with 422 naming the field', async () => {
    const { id } = await server().createWorkspace();
    const res = await server().call('PATCH', `/v1/workspaces/${id}`, {
      // JSON.stringify writes the lone surrogate as the escape `"\ud800"`.
      json: { name: 'Spa \ud800' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'validation_failed',
      details: { fields: [{ path: 'name', message: containing('surrogate') }] },
    });
  });

  it('refuses a NUL in a field name', async () => {
    const { id } = await server().createWorkspace();
    const res = await server().call('PATCH', `/v1/workspaces/${id}`, {
      body: '{"na\\u0000me": "Spa"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('validation_failed');
  });

  it('refuses a %00 in a workspace id with 400 invalid_characters', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await server().call(method, '/v1/workspaces/ws_%00abc');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'invalid_characters',
        details: { in: 'path', segment: 'ws_%00abc' },
      });
    }
  });

  it('refuses a %00 beside an escape that is not UTF-8, which the router still decodes', async () => {
    const { id } = await server().createWorkspace();
    // `%ED%A0%80` (a lone surrogate as bytes) cannot be decoded; the `%00` after it can.
    for (const path of [
      '/v1/workspaces/%ED%A0%80a%00',
      `/v1/workspaces/${id}/bookings/%ED%A0%80a%00`,
    ]) {
      const res = await server().call('GET', path);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'invalid_characters',
        details: { in: 'path', segment: '%ED%A0%80a%00' },
      });
    }
  });

  it('refuses a %00 in a query parameter with 400 invalid_characters', async () => {
    const { id } = await server().createWorkspace();
    for (const query of ['status=%00', 'cursor=abc%00', 'a%00=1']) {
      const res = await server().call('GET', `/v1/workspaces/${id}/sync-jobs?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'invalid_characters',
        details: { in: 'query' },
      });
    }
  });

  it('still serves ordinary text, including emoji (paired surrogates)', async () => {
    const { id } = await server().createWorkspace();
    const res = await server().call('PATCH', `/v1/workspaces/${id}`, {
      json: { name: 'Spa 💆 Zürich' },
    });
    expect(res.status).toBe(200);
  });
});
