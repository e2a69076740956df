import { expect, it } from 'vitest';
import { connect } from '../../../test/bookings.js';
import { describeOnBackends } from '../../../test/harness.js';
import { anyString, objectContaining } from '../../../test/matchers.js';

describeOnBackends('GET /v1/workspaces/:ws', (server) => {
  it('shows the workspace to the admin and to its own key', async () => {
    const { id, apiKey } = await server().createWorkspace('Spa');
    const expected = {
      id,
      name: 'Spa',
      features: ['bookings'],
      createdAt: anyString(),
      bookingSync: { fieldPrefix: null, tagPrefix: null },
      defaultCountry: null,
      integrations: { gohighlevel: objectContaining({ status: 'disconnected' }) },
      phoneCountry: { country: null, source: null },
    };
    const admin = await server().call('GET', `/v1/workspaces/${id}`);
    expect(admin.status).toBe(200);
    expect(admin.body).toEqual(expected);
    const own = await server().call('GET', `/v1/workspaces/${id}`, { token: apiKey });
    expect(own.status).toBe(200);
    expect(own.body).toEqual(expected);
  });

  it("shows the country phones are read in: the workspace's own, else the Location's", async () => {
    const { id } = await server().createWorkspace();
    const { locationId, token } = server().emulator.control.createLocation({
      name: 'Toronto Spa',
      country: 'CA',
    });
    await connect(server(), id, locationId, token);
    const connected = await server().call('GET', `/v1/workspaces/${id}`);
    expect(connected.body).toMatchObject({
      defaultCountry: null,
      integrations: { gohighlevel: { locationCountry: 'CA' } },
      phoneCountry: { country: 'CA', source: 'location' },
    });

    await server().call('PATCH', `/v1/workspaces/${id}`, { json: { defaultCountry: 'US' } });
    const own = await server().call('GET', `/v1/workspaces/${id}`);
    expect(own.body).toMatchObject({
      defaultCountry: 'US',
      phoneCountry: { country: 'US', source: 'workspace' },
    });
  });

  it('answers an unknown workspace with 404 workspace_not_found', async () => {
    const res = await server().call('GET', '/v1/workspaces/ws_doesnotexist');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'workspace_not_found', message: 'There is no workspace ws_doesnotexist.' },
    });
  });

  it('refuses another workspace’s key with 403, existing or not', async () => {
    const mine = await server().createWorkspace('Mine');
    const theirs = await server().createWorkspace('Theirs');
    const res = await server().call('GET', `/v1/workspaces/${theirs.id}`, { token: mine.apiKey });
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('forbidden');
    expect(res.text).not.toContain('Theirs');
    const unknown = await server().call('GET', '/v1/workspaces/ws_nope', { token: mine.apiKey });
    expect(unknown.status).toBe(403);
  });
});
