import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';
import { anyString, arrayContaining, containing } from '../../../test/matchers.js';

const path = (ws: string) => `/v1/workspaces/${ws}/integrations/gohighlevel`;
const BOOKING_SCOPES = [
  'locations.readonly',
  'contacts.readonly',
  'contacts.write',
  'locations/customFields.readonly',
  'locations/customFields.write',
];

describeOnBackends('PUT /v1/workspaces/:ws/integrations/gohighlevel', (server) => {
  it('checks the key live, stores it encrypted and shows only a preview', async () => {
    const { id } = await server().createWorkspace();
    const { locationId, token } = server().location();
    const before = server().emulator.control.requests({ locationId }).length;

    const res = await server().call('PUT', path(id), { json: { apiKey: token, locationId } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'connected',
      auth: 'api_key',
      pausedReason: null,
      locationId,
      locationName: 'Emulated Spa',
      locationCountry: 'US',
      apiKeyPreview: `pit-…${token.slice(-4)}`,
      connectedAt: anyString(),
      lastSyncAt: null,
      lastCheckedAt: anyString(),
      lastError: null,
    });
    expect(res.text).not.toContain(token);

    // Live: HighLevel was asked about the Location and each scope.
    const calls = server().emulator.control.requests({ locationId }).slice(before);
    expect(calls.map((c) => `${c.method} ${c.operation}`)).toEqual(
      arrayContaining([
        'GET /locations/{locationId}',
        'GET /contacts/',
        'PUT /contacts/{contactId}',
        'GET /locations/{locationId}/customFields',
        'POST /locations/{locationId}/customFields',
      ]),
    );
    // Nothing was written into the Location by the checks.
    const state = server().emulator.control.locationState(locationId);
    expect(state.contacts).toEqual([]);
    expect(state.customFields).toEqual([]);

    const row = await server()
      .runtime.database.db.selectFrom('gohighlevel_connections')
      .selectAll()
      .where('workspace_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.api_key_ciphertext).not.toContain(token);
    expect(row.api_key_key_id).toBe(server().runtime.secrets.keyring.current.id);
    expect(row.scopes).toEqual(BOOKING_SCOPES);
  });

  it('answers a wrong key with 422 invalid_credentials', async () => {
    const { id } = await server().createWorkspace();
    const { locationId } = server().location();
    const res = await server().call('PUT', path(id), {
      json: { apiKey: 'pit-00000000-dead-beef-0000-000000000000', locationId },
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('invalid_credentials');
    expect(res.body.error?.message).toMatch(/Settings → Private Integrations/);
    expect(res.text).not.toContain('pit-00000000-dead-beef');
    const stored = await server().call('GET', path(id));
    expect(stored.body.status).toBe('disconnected');
  });

  it('answers a key of another sub-account with 422 location_mismatch saying how to fix it', async () => {
    const { id } = await server().createWorkspace();
    const mine = server().location();
    const other = server().location();
    const res = await server().call('PUT', path(id), {
      json: { apiKey: mine.token, locationId: other.locationId },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'location_mismatch',
      message: containing(
        `Location ID ${other.locationId} does not match this API key’s sub-account. Copy the Location ID from Settings → Business Profile of the same sub-account`,
      ),
      details: { locationId: other.locationId },
    });
  });

  it('answers missing scopes with 422 missing_scopes listing each one', async () => {
    const { id } = await server().createWorkspace();
    const { locationId, token } = server().location([
      'locations.readonly',
      'contacts.readonly',
      'locations/customFields.readonly',
    ]);
    const res = await server().call('PUT', path(id), { json: { apiKey: token, locationId } });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('missing_scopes');
    expect(res.body.error?.message).toContain('contacts.write, locations/customFields.write');
    expect(res.body.error?.details?.missingScopes).toEqual([
      'contacts.write',
      'locations/customFields.write',
    ]);
    expect(res.body.error?.details?.requiredScopes).toEqual(BOOKING_SCOPES);
  });

  it('asks a voice workspace for the calendar scopes too', async () => {
    const { id } = await server().createWorkspace('Clinic', ['voice']);
    const { locationId, token } = server().location([
      'locations.readonly',
      'contacts.readonly',
      'contacts.write',
      'calendars.readonly',
    ]);
    const res = await server().call('PUT', path(id), { json: { apiKey: token, locationId } });
    expect(res.status).toBe(422);
    expect(res.body.error?.details?.missingScopes).toEqual([
      'calendars/events.readonly',
      'calendars/events.write',
    ]);
    const full = server().location();
    const ok = await server().call('PUT', path(id), {
      json: { apiKey: full.token, locationId: full.locationId },
    });
    expect(ok.status).toBe(200);
  });

  it('answers HighLevel being down with 502 and stores nothing', async () => {
    const { id } = await server().createWorkspace();
    const { locationId, token } = server().location();
    server().emulator.control.setFaults([
      { status: 503, match: { path: '/locations/{locationId}', locationId } },
    ]);
    try {
      const res = await server().call('PUT', path(id), { json: { apiKey: token, locationId } });
      expect(res.status).toBe(502);
      expect(res.body.error?.code).toBe('highlevel_unavailable');
    } finally {
      server().emulator.control.clearFaults();
    }
    expect((await server().call('GET', path(id))).body.status).toBe('disconnected');
  });

  it('reconnecting replaces the stored key', async () => {
    const { id } = await server().createWorkspace();
    const first = server().location();
    const second = server().location();
    await server().call('PUT', path(id), {
      json: { apiKey: first.token, locationId: first.locationId },
    });
    const res = await server().call('PUT', path(id), {
      json: { apiKey: second.token, locationId: second.locationId },
    });
    expect(res.status).toBe(200);
    expect(res.body.locationId).toBe(second.locationId);
    expect(res.body.apiKeyPreview).toBe(`pit-…${second.token.slice(-4)}`);
  });

  it('answers a Location without apiKey, where the HighLevel app is not installed, with 422 naming apiKey', async () => {
    const { id } = await server().createWorkspace();
    const res = await server().call('PUT', path(id), { json: { locationId: 'abc' } });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('not_installed');
    expect(res.body.error?.message).toContain('it is not installed on abc');
    expect(res.body.error?.details?.fields?.map((f) => f.path)).toEqual(['apiKey']);
  });

  it.each([
    [{ apiKey: 'pit-12345678', locationId: 'has spaces/and slashes' }, ['locationId']],
    [{ apiKey: 12, locationId: ['x'] }, ['apiKey', 'locationId']],
  ])('answers %j with 422 naming %j', async (json, fields) => {
    const { id } = await server().createWorkspace();
    const res = await server().call('PUT', path(id), { json });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('validation_failed');
    expect(res.body.error?.details?.fields?.map((f) => f.path)).toEqual(fields);
  });

  it.each(['pit-ü€1234567', 'pit-1234 5678', 'pit-1234\u00a05678'])(
    'answers a key that is not printable ASCII (%j) with 422 on apiKey, calling HighLevel not at all',
    async (apiKey) => {
      const { id } = await server().createWorkspace();
      const { locationId } = server().location();
      const before = server().emulator.control.requests({ locationId }).length;
      const res = await server().call('PUT', path(id), { json: { apiKey, locationId } });
      expect(res.status).toBe(422);
      expect(res.body.error?.code).toBe('validation_failed');
      expect(res.body.error?.details?.fields).toEqual([
        { path: 'apiKey', message: containing('paste the Private Integration token exactly') },
      ]);
      expect(server().emulator.control.requests({ locationId })).toHaveLength(before);
    },
  );

  it('answers an unknown workspace with 404 and another workspace’s key with 403', async () => {
    const { locationId, token } = server().location();
    const unknown = await server().call('PUT', path('ws_unknown'), {
      json: { apiKey: token, locationId },
    });
    expect(unknown.status).toBe(404);
    const a = await server().createWorkspace();
    const b = await server().createWorkspace();
    const res = await server().call('PUT', path(b.id), {
      token: a.apiKey,
      json: { apiKey: token, locationId },
    });
    expect(res.status).toBe(403);
  });
});
