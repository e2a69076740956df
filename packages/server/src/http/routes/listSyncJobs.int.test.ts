import { expect, it } from 'vitest';
import { connect, connectedWorkspace, syncJobs } from '../../../test/bookings.js';
import { describeOnBackends } from '../../../test/harness.js';
import { waitFor } from '../../../test/waitFor.js';

describeOnBackends('GET /v1/workspaces/:ws/sync-jobs', (server) => {
  it('dead-letters a job whose key was revoked, says why, and retries it after a reconnect', async () => {
    const ws = await connectedWorkspace(server());
    server().emulator.control.revokeToken(ws.token);
    await ws.post({ id: 'bk_1' });

    const [failed, ...others] = await waitFor(async () => {
      const jobs = await syncJobs(server(), ws.id, 'failed');
      return jobs.length > 0 && jobs;
    });
    expect(others).toEqual([]);
    expect(failed).toMatchObject({ bookingId: 'bk_1', status: 'failed', attempts: 1 });
    expect(failed!.reason).toMatch(/invalid, expired or was revoked.*reconnect GoHighLevel/i);
    const booking = await server().call('GET', `/v1/workspaces/${ws.id}/bookings/bk_1`);
    expect(JSON.parse(booking.text)).toMatchObject({ sync: 'failed' });

    const { token } = server().emulator.control.createToken(ws.locationId);
    await connect(server(), ws.id, ws.locationId, token);
    const jobs = await ws.idle();
    expect(jobs.map((job) => [job.id, job.status])).toEqual([[failed!.id, 'done']]);
    expect(await syncJobs(server(), ws.id, 'failed')).toEqual([]);
    expect(ws.contacts()[0]!.notes).toHaveLength(1);
  });

  it('rejects an unknown status with 422', async () => {
    const ws = await connectedWorkspace(server());
    const res = await server().call('GET', `/v1/workspaces/${ws.id}/sync-jobs?status=lost`);
    expect(res.status).toBe(422);
  });
});
