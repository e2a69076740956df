import { expect, it } from 'vitest';
import { connectedWorkspace, syncJobs } from '../../../test/bookings.js';
import { describeOnBackends } from '../../../test/harness.js';
import { waitFor } from '../../../test/waitFor.js';

const retry = (ws: string, id: string) => `/v1/workspaces/${ws}/sync-jobs/${id}/retry`;

describeOnBackends('POST /v1/workspaces/:ws/sync-jobs/:id/retry', (server) => {
  it('retries a job that failed on a field a person must fix, once it is fixed', async () => {
    const ws = await connectedWorkspace(server());
    // A field made by hand with our key but a type our values do not fit.
    const clash = await ws.hl.customFields.create(ws.locationId, {
      name: 'Total Bookings',
      dataType: 'TEXT',
      model: 'contact',
      fieldKey: 'bookings_total_bookings',
    } as Parameters<typeof ws.hl.customFields.create>[1]);
    await ws.post({ id: 'bk_1' });
    const [failed] = await waitFor(async () => {
      const jobs = await syncJobs(server(), ws.id, 'failed');
      return jobs.length > 0 && jobs;
    });
    expect(failed!.reason).toContain('is TEXT, but ghl-bridge writes NUMERICAL there');
    expect(ws.state().contacts).toEqual([]);

    await ws.hl.customFields.delete(ws.locationId, clash.id!);
    const res = await server().call('POST', retry(ws.id, failed!.id));
    expect(res.status).toBe(202);
    expect(JSON.parse(res.text)).toMatchObject({ id: failed!.id, status: 'queued' });
    const jobs = await ws.idle();
    expect(jobs.map((job) => job.status)).toEqual(['done']);
    expect(ws.contacts()[0]!.fields).toMatchObject({ 'Bookings – Total Bookings': 1 });
  });

  it('answers 409 for a job that has not failed and 404 for an unknown one', async () => {
    const ws = await connectedWorkspace(server());
    await ws.post({ id: 'bk_1' });
    const [done] = await ws.idle();
    const conflict = await server().call('POST', retry(ws.id, done!.id));
    expect(conflict.status).toBe(409);
    expect(conflict.body.error?.code).toBe('sync_job_not_failed');
    const missing = await server().call('POST', retry(ws.id, 'sj_nope'));
    expect(missing.status).toBe(404);
  });
});
