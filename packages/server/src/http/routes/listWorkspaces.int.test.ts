import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';
import { anyString } from '../../../test/matchers.js';

describeOnBackends('GET /v1/workspaces', (server) => {
  it('lists workspaces in creation order, a page at a time, without keys', async () => {
    const created = [];
    for (const name of ['A', 'B', 'C']) created.push(await server().createWorkspace(name));
    const first = await server().call('GET', '/v1/workspaces?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.workspaces?.map((w) => w.name)).toEqual(['A', 'B']);
    expect(first.body.next).toBe(created[1]!.id);
    const second = await server().call('GET', `/v1/workspaces?limit=2&after=${first.body.next}`);
    expect(second.body).toEqual({
      workspaces: [
        {
          id: created[2]!.id,
          name: 'C',
          features: ['bookings'],
          createdAt: anyString(),
          bookingSync: { fieldPrefix: null, tagPrefix: null },
          defaultCountry: null,
        },
      ],
      next: null,
    });
    for (const { apiKey } of created) expect(first.text + second.text).not.toContain(apiKey);
  });

  it('answers a bad limit with 422 naming it', async () => {
    const res = await server().call('GET', '/v1/workspaces?limit=zero');
    expect(res.status).toBe(422);
    expect(res.body.error?.details?.fields?.[0]?.path).toBe('limit');
  });

  it('is for the admin only', async () => {
    const { apiKey } = await server().createWorkspace();
    const res = await server().call('GET', '/v1/workspaces', { token: apiKey });
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('forbidden');
  });
});
