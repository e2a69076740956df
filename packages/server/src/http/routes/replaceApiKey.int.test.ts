import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';

describeOnBackends('POST /v1/workspaces/:ws/api-key', (server) => {
  it('replaces the key: the old one and its dashboard sessions stop, the new one works', async () => {
    const { id, apiKey: oldKey } = await server().createWorkspace('Rotating');
    const signIn = await server().call('POST', '/v1/session', {
      token: null,
      json: { token: oldKey },
      headers: { host: 'localhost', origin: 'http://localhost' },
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;

    const res = await server().call('POST', `/v1/workspaces/${id}/api-key`);
    expect(res.status).toBe(200);
    const newKey = (res.body as { apiKey: string }).apiKey;
    expect(newKey).toMatch(/^ghlb_/);
    expect(newKey).not.toBe(oldKey);

    const old = await server().call('GET', `/v1/workspaces/${id}`, { token: oldKey });
    expect(old.status).toBe(401);
    const session = await server().call('GET', '/v1/session', {
      token: null,
      headers: { cookie, host: 'localhost' },
    });
    expect(session.status).toBe(401);
    const fresh = await server().call('GET', `/v1/workspaces/${id}`, { token: newKey });
    expect(fresh.status).toBe(200);
  });

  it('is the admin’s: a workspace key cannot replace a key, even its own', async () => {
    const { id, apiKey } = await server().createWorkspace('Own');
    const res = await server().call('POST', `/v1/workspaces/${id}/api-key`, { token: apiKey });
    expect(res.status).toBe(403);
    const still = await server().call('GET', `/v1/workspaces/${id}`, { token: apiKey });
    expect(still.status).toBe(200);
    const missing = await server().call('POST', '/v1/workspaces/ws_missing/api-key');
    expect(missing.status).toBe(404);
  });
});
