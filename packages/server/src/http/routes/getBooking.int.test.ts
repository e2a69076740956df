import { expect, it } from 'vitest';
import { connectedWorkspace } from '../../../test/bookings.js';
import { describeOnBackends } from '../../../test/harness.js';

describeOnBackends('GET /v1/workspaces/:ws/bookings/:bookingId', (server) => {
  it('shows the stored version, its sync state and the HighLevel contact id', async () => {
    const ws = await connectedWorkspace(server());
    await ws.post({ id: 'bk_1' });
    await ws.post({ id: 'bk_1', version: 2, status: 'cancelled' });
    await ws.idle();
    const res = await server().call('GET', `/v1/workspaces/${ws.id}/bookings/bk_1`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      bookingId: 'bk_1',
      version: 2,
      status: 'cancelled',
      sync: 'synced',
      highLevelContactId: ws.contacts()[0]!.id,
      booking: { id: 'bk_1', version: 2, status: 'cancelled' },
    });
  });

  it('answers 404 for an unknown booking and for another workspace’s key', async () => {
    const ws = await connectedWorkspace(server());
    const missing = await server().call('GET', `/v1/workspaces/${ws.id}/bookings/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('booking_not_found');
    const other = await server().createWorkspace();
    const forbidden = await server().call('GET', `/v1/workspaces/${ws.id}/bookings/nope`, {
      token: other.apiKey,
    });
    expect(forbidden.status).toBe(403);
  });
});
