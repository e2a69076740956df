import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';

const path = (ws: string) => `/v1/workspaces/${ws}/integrations/gohighlevel`;

describeOnBackends('DELETE /v1/workspaces/:ws/integrations/gohighlevel', (server) => {
  it('erases the stored credentials; the workspace stays', async () => {
    const { id, apiKey } = await server().createWorkspace();
    const { locationId, token } = server().location();
    await server().call('PUT', path(id), { json: { apiKey: token, locationId } });

    const res = await server().call('DELETE', path(id), { token: apiKey });
    expect(res.status).toBe(204);
    const rows = await server()
      .runtime.database.db.selectFrom('gohighlevel_connections')
      .selectAll()
      .where('workspace_id', '=', id)
      .execute();
    expect(rows).toEqual([]);
    expect((await server().call('GET', path(id))).body.status).toBe('disconnected');
    expect((await server().call('GET', `/v1/workspaces/${id}`)).status).toBe(200);
    // A background check has nothing left to check.
    const check = await server().call('POST', `${path(id)}/check`);
    expect(check.status).toBe(409);
    expect(check.body.error?.code).toBe('not_connected');
  });

  it('is idempotent', async () => {
    const { id } = await server().createWorkspace();
    expect((await server().call('DELETE', path(id))).status).toBe(204);
    expect((await server().call('DELETE', path(id))).status).toBe(204);
  });

  it('answers an unknown workspace with 404 and another workspace’s key with 403', async () => {
    expect((await server().call('DELETE', path('ws_nope'))).status).toBe(404);
    const a = await server().createWorkspace();
    const b = await server().createWorkspace();
    const { locationId, token } = server().location();
    await server().call('PUT', path(b.id), { json: { apiKey: token, locationId } });
    expect((await server().call('DELETE', path(b.id), { token: a.apiKey })).status).toBe(403);
    expect((await server().call('GET', path(b.id))).body.status).toBe('connected');
  });
});
