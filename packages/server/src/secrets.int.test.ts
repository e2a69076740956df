/**
 * No credential ever reaches a log line or an error body: the admin token, workspace API keys,
 * HighLevel keys (good, wrong, revoked), the secret key and the stored ciphertext, through every
 * flow that handles them — success, each refusal, HighLevel failing, background checks.
 */
import { expect, it } from 'vitest';
import { ADMIN_TOKEN, describeOnBackends, SECRET_KEY } from '../test/harness.js';
import { waitFor } from '../test/waitFor.js';

describeOnBackends('secrets stay secret', (server) => {
  it('appear in no log line and no error body', async () => {
    const s = server();
    const errorBodies: string[] = [];
    const call = async (...args: Parameters<typeof s.call>) => {
      const res = await s.call(...args);
      if (res.status >= 400) errorBodies.push(res.text);
      return res;
    };
    const { id, apiKey } = await s.createWorkspace('Spa');
    const other = await s.createWorkspace('Other');
    const good = s.location();
    const foreign = s.location();
    const narrow = s.location(['locations.readonly']);
    const wrongKey = 'pit-11111111-2222-4333-8444-555555555555';
    const path = `/v1/workspaces/${id}/integrations/gohighlevel`;

    await call('PUT', path, {
      token: apiKey,
      json: { apiKey: wrongKey, locationId: good.locationId },
    });
    await call('PUT', path, { json: { apiKey: good.token, locationId: foreign.locationId } });
    await call('PUT', path, { json: { apiKey: narrow.token, locationId: narrow.locationId } });
    s.emulator.control.setFaults([{ status: 500, match: { path: '/locations/{locationId}' } }]);
    await call('PUT', path, { json: { apiKey: good.token, locationId: good.locationId } });
    s.emulator.control.clearFaults();
    const ok = await call('PUT', path, {
      token: apiKey,
      json: { apiKey: good.token, locationId: good.locationId },
    });
    expect(ok.status).toBe(200);
    await call('GET', path, { token: other.apiKey });
    await call('GET', path, { token: `${apiKey}x` });
    await call('GET', path, { token: 'not-a-token' });
    await call('PUT', path, {
      body: `{"apiKey": "${good.token}", `,
      headers: { 'content-type': 'application/json' },
    });
    s.emulator.control.revokeToken(good.token);
    const check = await call('POST', `${path}/check`, { token: apiKey });
    await waitFor(async () => (await s.call('GET', path)).body.lastError !== null, {
      what: 'the background check to record the revoked key',
    });
    expect(check.status).toBe(202);

    const stored = await s.runtime.database.db
      .selectFrom('gohighlevel_connections')
      .select('api_key_ciphertext')
      .where('workspace_id', '=', id)
      .executeTakeFirstOrThrow();
    const secrets = {
      adminToken: ADMIN_TOKEN,
      secretKey: SECRET_KEY,
      workspaceKey: apiKey,
      otherWorkspaceKey: other.apiKey,
      highLevelKey: good.token,
      wrongHighLevelKey: wrongKey,
      narrowHighLevelKey: narrow.token,
      ciphertext: stored.api_key_ciphertext!,
    };
    const logs = s.logText();
    expect(logs.length).toBeGreaterThan(1000);
    expect(errorBodies.length).toBeGreaterThanOrEqual(8);
    for (const [name, value] of Object.entries(secrets)) {
      expect(logs.includes(value), `${name} in the logs`).toBe(false);
      for (const body of errorBodies)
        expect(body.includes(value), `${name} in ${body}`).toBe(false);
    }
    // The logs still say what happened, by request id.
    expect(s.logs.filter((l) => l.msg === 'gohighlevel connect refused')).toHaveLength(4);
    expect(s.logs.every((l) => l.msg !== 'request' || typeof l.requestId === 'string')).toBe(true);
  });
});
