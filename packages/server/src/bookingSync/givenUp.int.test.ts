import { expect, it } from 'vitest';
import { connectedWorkspace, syncJobs } from '../../test/bookings.js';
import { describeOnBackends } from '../../test/harness.js';
import { contactSyncHandler } from './contactSyncJob.js';
import { findSyncJob } from './syncJobListing.js';

describeOnBackends(
  'a sync job the queue gave up on',
  (server) => {
    it('is failed with the reason, unless a later attempt is already in charge', async () => {
      const ws = await connectedWorkspace(server());
      expect((await ws.post({ id: 'bk_1' })).status).toBe(202);
      const [queued] = await syncJobs(server(), ws.id);
      const { runtime } = server();
      const row = await findSyncJob(runtime.database.db, queued!.id);
      expect(row?.queue_job_id).toEqual(expect.any(String));
      const handler = contactSyncHandler({
        database: runtime.database,
        keyring: runtime.secrets.keyring,
        highLevel: runtime.highLevel,
        queue: runtime.queue,
        logger: runtime.logger,
      });
      const notice = { data: { syncJobId: queued!.id }, attempts: 7, lastError: undefined };

      // A late notice about an earlier attempt (the job was retried since) changes nothing.
      await handler.givenUp!({ ...notice, id: 'an-earlier-attempt' });
      expect((await syncJobs(server(), ws.id))[0]).toMatchObject({ status: 'queued' });

      await handler.givenUp!({ ...notice, id: row!.queue_job_id! });
      const [failed] = await syncJobs(server(), ws.id, 'failed');
      expect(failed).toMatchObject({ id: queued!.id, status: 'failed' });
      expect(failed!.reason).toMatch(/^Gave up after 7 attempts: the last one never finished/);
      expect(failed!.reason).toContain(`/sync-jobs/${queued!.id}/retry`);
    });
  },
  { worker: false },
);
