import { expect, it } from 'vitest';
import { connect, connectedWorkspace } from '../../test/bookings.js';
import { describeOnBackends } from '../../test/harness.js';

describeOnBackends('a stored booking whose price HighLevel cannot hold', (server) => {
  it('fails the customer’s sync jobs at once with the reason, without retrying', async () => {
    const ws = await connectedWorkspace(server(), { connect: false });
    expect((await ws.post({ id: 'bk_1' })).status).toBe(202);
    // A price accepted before the amount limit, as it sits in the database.
    const { db } = server().runtime.database;
    const row = await db
      .selectFrom('bookings')
      .select('payload')
      .where('workspace_id', '=', ws.id)
      .where('booking_id', '=', 'bk_1')
      .executeTakeFirstOrThrow();
    const payload = (
      typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload
    ) as Record<string, unknown>;
    await db
      .updateTable('bookings')
      .set({
        payload: JSON.stringify({
          ...payload,
          price: { amount: '99999999999999.99', currency: 'USD' },
        }),
      })
      .where('workspace_id', '=', ws.id)
      .where('booking_id', '=', 'bk_1')
      .execute();
    expect((await ws.post({ id: 'bk_2', startsAt: '2026-12-08T15:00:00-05:00' })).status).toBe(202);

    await connect(server(), ws.id, ws.locationId, ws.token);
    const jobs = await ws.idle();
    expect(jobs).toHaveLength(2);
    for (const job of jobs) {
      expect(job).toMatchObject({ status: 'failed', attempts: 1 });
      expect(job.reason).toContain(
        'The booking fields of customer ada@example.com cannot be computed from their stored bookings',
      );
      expect(job.reason).toContain('too many digits for a JSON number');
    }
    expect(ws.contacts()).toEqual([]);
  });
});
