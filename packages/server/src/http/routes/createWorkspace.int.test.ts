import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';
import { anyString, containing, matching } from '../../../test/matchers.js';

describeOnBackends('POST /v1/workspaces', (server) => {
  it('creates a workspace and shows its API key once, storing only a hash', async () => {
    const res = await server().call('POST', '/v1/workspaces', {
      json: { name: '  Downtown Spa ' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: matching(/^ws_[a-z2-7]{20}$/),
      name: 'Downtown Spa',
      features: ['bookings'],
      createdAt: anyString(),
      bookingSync: { fieldPrefix: null, tagPrefix: null },
      defaultCountry: null,
      apiKey: matching(/^ghlb_/),
    });
    const row = await server()
      .runtime.database.db.selectFrom('workspaces')
      .selectAll()
      .where('id', '=', res.body.id!)
      .executeTakeFirstOrThrow();
    expect(row.api_key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(res.body.apiKey);
    const again = await server().call('GET', `/v1/workspaces/${res.body.id}`);
    expect(again.text).not.toContain(res.body.apiKey);
  });

  it('takes the booking sync prefixes of the workspace', async () => {
    const res = await server().call('POST', '/v1/workspaces', {
      json: { name: 'Salon', bookingSync: { fieldPrefix: 'Salon –', tagPrefix: 'gb/' } },
    });
    expect(res.status).toBe(201);
    expect(res.body.bookingSync).toEqual({ fieldPrefix: 'Salon –', tagPrefix: 'gb/' });
  });

  it('takes a default country for phones, and names a country it does not know', async () => {
    const res = await server().call('POST', '/v1/workspaces', {
      json: { name: 'London Salon', defaultCountry: 'gb' },
    });
    expect(res.status).toBe(201);
    expect(res.body.defaultCountry).toBe('GB');

    const bad = await server().call('POST', '/v1/workspaces', {
      json: { name: 'Nowhere', defaultCountry: 'XX' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.details?.fields).toEqual([
      {
        path: 'defaultCountry',
        message: 'expected a two-letter ISO 3166-1 country code, like US or GB',
      },
    ]);
  });

  it('accepts the voice feature', async () => {
    const res = await server().call('POST', '/v1/workspaces', {
      json: { name: 'Clinic', features: ['bookings', 'voice', 'voice'] },
    });
    expect(res.status).toBe(201);
    expect(res.body.features).toEqual(['bookings', 'voice']);
  });

  it('answers wrong types with 422 and field-level details', async () => {
    const res = await server().call('POST', '/v1/workspaces', {
      json: { name: 42, features: ['fax'], extra: true },
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('validation_failed');
    const paths = res.body.error?.details?.fields?.map((f) => f.path).sort();
    expect(paths).toEqual(['(body)', 'features.0', 'name']);
  });

  it('answers a missing name with 422 naming the field', async () => {
    const res = await server().call('POST', '/v1/workspaces', { json: {} });
    expect(res.status).toBe(422);
    expect(res.body.error?.details?.fields).toEqual([{ path: 'name', message: anyString() }]);
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await server().call('POST', '/v1/workspaces', {
      body: '{"name": "Spa",',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 'invalid_json', message: containing('not valid JSON') },
    });
  });

  it('answers a non-JSON body with 415', async () => {
    const res = await server().call('POST', '/v1/workspaces', {
      body: 'name=Spa',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body.error?.code).toBe('unsupported_media_type');
  });

  it('answers an oversized body with 413, never reading it all', async () => {
    const res = await server().call('POST', '/v1/workspaces', {
      json: { name: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('payload_too_large');
  });

  it('refuses a workspace API key with 403 and no token with 401', async () => {
    const { apiKey } = await server().createWorkspace();
    const withKey = await server().call('POST', '/v1/workspaces', {
      token: apiKey,
      json: { name: 'Sneaky' },
    });
    expect(withKey.status).toBe(403);
    expect(withKey.body.error?.code).toBe('forbidden');
    const without = await server().call('POST', '/v1/workspaces', {
      token: null,
      json: { name: 'x' },
    });
    expect(without.status).toBe(401);
    expect(without.body.error).toEqual({
      code: 'unauthorized',
      message: 'Send Authorization: Bearer <admin token or workspace API key>.',
    });
    const wrong = await server().call('POST', '/v1/workspaces', {
      token: 'ghlb_not-a-real-key',
      json: { name: 'x' },
    });
    expect(wrong.status).toBe(401);
  });
});
