import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';

describeOnBackends('DELETE /v1/workspaces/:ws', (server) => {
  it('deletes the workspace, its connection and credentials; its key stops working', async () => {
    const { id, apiKey } = await server().createWorkspace();
    const { locationId, token } = server().location();
    const connected = await server().call('PUT', `/v1/workspaces/${id}/integrations/gohighlevel`, {
      json: { apiKey: token, locationId },
    });
    expect(connected.status).toBe(200);

    const res = await server().call('DELETE', `/v1/workspaces/${id}`, { token: apiKey });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await server().call('GET', `/v1/workspaces/${id}`)).status).toBe(404);
    expect((await server().call('GET', `/v1/workspaces/${id}`, { token: apiKey })).status).toBe(
      401,
    );
    const rows = await server()
      .runtime.database.db.selectFrom('gohighlevel_connections')
      .where('workspace_id', '=', id)
      .selectAll()
      .execute();
    expect(rows).toEqual([]);
  });

  it('answers an unknown workspace with 404 and another’s key with 403', async () => {
    expect((await server().call('DELETE', '/v1/workspaces/ws_gone')).status).toBe(404);
    const a = await server().createWorkspace('A');
    const b = await server().createWorkspace('B');
    const res = await server().call('DELETE', `/v1/workspaces/${b.id}`, { token: a.apiKey });
    expect(res.status).toBe(403);
    expect((await server().call('GET', `/v1/workspaces/${b.id}`)).status).toBe(200);
  });
});
