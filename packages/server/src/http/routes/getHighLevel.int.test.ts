import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';

const path = (ws: string) => `/v1/workspaces/${ws}/integrations/gohighlevel`;

describeOnBackends('GET /v1/workspaces/:ws/integrations/gohighlevel', (server) => {
  it('shows disconnected before connecting', async () => {
    const { id } = await server().createWorkspace();
    const res = await server().call('GET', path(id));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'disconnected',
      auth: null,
      pausedReason: null,
      locationId: null,
      locationName: null,
      locationCountry: null,
      apiKeyPreview: null,
      connectedAt: null,
      lastSyncAt: null,
      lastCheckedAt: null,
      lastError: null,
    });
  });

  it('shows status, Location ID and the masked key to the workspace, never the key', async () => {
    const { id, apiKey } = await server().createWorkspace();
    const { locationId, token } = server().location();
    const put = await server().call('PUT', path(id), { json: { apiKey: token, locationId } });
    const res = await server().call('GET', path(id), { token: apiKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...put.body, status: 'connected', locationId });
    expect(res.body.apiKeyPreview).toMatch(/^pit-…[0-9a-f]{4}$/);
    expect(res.text).not.toContain(token);
  });

  it('answers an unknown workspace with 404 and another workspace’s key with 403', async () => {
    expect((await server().call('GET', path('ws_nope'))).status).toBe(404);
    const a = await server().createWorkspace();
    const b = await server().createWorkspace();
    const res = await server().call('GET', path(b.id), { token: a.apiKey });
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('forbidden');
  });
});
