import { expect, it } from 'vitest';
import { waitFor } from '../../../test/waitFor.js';
import { describeOnBackends } from '../../../test/harness.js';
import { keyringFrom } from '../../crypto/keyring.js';
import { saveConnection } from '../../highlevel/connectionStore.js';
import { anyString } from '../../../test/matchers.js';

const path = (ws: string) => `/v1/workspaces/${ws}/integrations/gohighlevel`;

describeOnBackends('POST /v1/workspaces/:ws/integrations/gohighlevel/check', (server) => {
  it('queues a check that records a revoked key as lastError', async () => {
    const { id, apiKey } = await server().createWorkspace();
    const { locationId, token } = server().location();
    const connected = await server().call('PUT', path(id), { json: { apiKey: token, locationId } });
    server().emulator.control.revokeToken(token);

    // Clients often send a JSON content type with an empty body here.
    const res = await server().call('POST', `${path(id)}/check`, {
      token: apiKey,
      body: '',
      headers: { 'content-type': 'application/json', 'content-length': '0' },
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ jobId: anyString() });
    const after = await waitFor(
      async () => {
        const view = await server().call('GET', path(id));
        return view.body.lastCheckedAt !== connected.body.lastCheckedAt && view.body;
      },
      { what: 'the background check' },
    );
    expect(after.status).toBe('needs_attention');
    expect(after.lastError).toMatch(/^invalid_token: /);
    const run = await server()
      .runtime.database.db.selectFrom('job_runs')
      .selectAll()
      .where('job_id', '=', res.body.jobId!)
      .executeTakeFirstOrThrow();
    expect(run.runs).toBe(1);
  });

  it('retries while HighLevel is down and records success once it is back', async () => {
    const { id } = await server().createWorkspace();
    const { locationId, token } = server().location();
    await server().call('PUT', path(id), { json: { apiKey: token, locationId } });
    server().emulator.control.setFaults([
      { status: 503, match: { path: '/locations/{locationId}', locationId }, count: 4 },
    ]);
    const res = await server().call('POST', `${path(id)}/check`);
    expect(res.status).toBe(202);
    await waitFor(
      async () =>
        (await server()
          .runtime.database.db.selectFrom('job_runs')
          .select('runs')
          .where('job_id', '=', res.body.jobId!)
          .executeTakeFirst()) ?? false,
      { what: 'the check to finish', timeoutMs: 25_000 },
    );
    const view = await server().call('GET', path(id));
    expect(view.body).toMatchObject({ status: 'connected', lastError: null });
    expect(server().emulator.control.faults()[0]!.hits).toBe(4);
  });

  it("records the Location's country for a connection stored without one", async () => {
    const { id } = await server().createWorkspace();
    const { locationId, token } = server().emulator.control.createLocation({
      name: 'Sydney Spa',
      country: 'AU',
    });
    // As a connection made before countries were recorded.
    await saveConnection(server().runtime.database.db, server().runtime.secrets.keyring, {
      workspaceId: id,
      locationId,
      locationName: 'Sydney Spa',
      credentials: { kind: 'api_key', apiKey: token },
      scopes: [],
      connectedAt: new Date(),
    });
    expect((await server().call('GET', path(id))).body.locationCountry).toBeNull();
    expect((await server().call('POST', `${path(id)}/check`)).status).toBe(202);
    const view = await waitFor(
      async () => {
        const res = await server().call('GET', path(id));
        return res.body.locationCountry !== null && res.body;
      },
      { what: "the check to record the Location's country" },
    );
    expect(view).toMatchObject({ status: 'connected', locationCountry: 'AU' });
    expect((await server().call('GET', `/v1/workspaces/${id}`)).body.phoneCountry).toEqual({
      country: 'AU',
      source: 'location',
    });
  });

  it('records a key sealed under a secret key that is no longer configured', async () => {
    const { id } = await server().createWorkspace();
    const { locationId, token } = server().location();
    const retired = keyringFrom([Buffer.alloc(32, 0x11).toString('base64')]);
    await saveConnection(server().runtime.database.db, retired, {
      workspaceId: id,
      locationId,
      locationName: undefined,
      credentials: { kind: 'api_key', apiKey: token },
      scopes: [],
      connectedAt: new Date(),
    });
    expect((await server().call('POST', `${path(id)}/check`)).status).toBe(202);
    const view = await waitFor(
      async () => {
        const res = await server().call('GET', path(id));
        return res.body.lastError !== null && res.body;
      },
      { what: 'the check to record the unreadable key' },
    );
    expect(view.status).toBe('needs_attention');
    expect(view.lastError).toMatch(
      new RegExp(`encrypted with secret key ${retired.current.id}, which is not configured`),
    );
    expect(view.lastError).not.toContain(token);
  });

  it('answers an unknown workspace with 404 and another workspace’s key with 403', async () => {
    expect((await server().call('POST', `${path('ws_nope')}/check`)).status).toBe(404);
    const a = await server().createWorkspace();
    const b = await server().createWorkspace();
    expect((await server().call('POST', `${path(b.id)}/check`, { token: a.apiKey })).status).toBe(
      403,
    );
  });
});
