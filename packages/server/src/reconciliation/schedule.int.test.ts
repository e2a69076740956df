import { expect, it } from 'vitest';
import { connect } from '../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../test/harness.js';
import { claimDueRuns } from './checkpointStore.js';

const INTERVAL_MS = 60_000;

/** One look for due runs at `now`, as a worker process makes it; the first run due at once. */
function look(server: TestServer, now: Date) {
  return server.runtime.database.db
    .transaction()
    .execute((trx) => claimDueRuns(trx, { now, intervalMs: INTERVAL_MS, firstRunAt: () => now }));
}

describeOnBackends('when reconciliation runs', (server) => {
  it('polls a Location shared by two workspaces once per interval, whoever looks', async () => {
    const { locationId, token } = server().location();
    for (const name of ['Spa North', 'Spa South']) {
      const { id } = await server().createWorkspace(name);
      await connect(server(), id, locationId, token);
    }
    const start = new Date();
    // Three processes look at once: one of them claims the run.
    const claims = await Promise.all([
      look(server(), start),
      look(server(), start),
      look(server(), start),
    ]);
    expect(claims.flat().filter((id) => id === locationId)).toEqual([locationId]);

    // Within the interval nobody claims it again; once it has passed, one does.
    const later = (ms: number) => new Date(start.getTime() + ms);
    expect(await look(server(), later(INTERVAL_MS - 1))).not.toContain(locationId);
    expect(await look(server(), later(INTERVAL_MS))).toEqual(expect.arrayContaining([locationId]));
  });

  it('polls no Location nobody is connected to any more', async () => {
    const { locationId, token } = server().location();
    const { id } = await server().createWorkspace('Closed Spa');
    await connect(server(), id, locationId, token);
    await look(server(), new Date());
    const gone = await server().call('DELETE', `/v1/workspaces/${id}/integrations/gohighlevel`);
    expect(gone.status).toBe(204);
    expect(await look(server(), new Date(Date.now() + 10 * INTERVAL_MS))).not.toContain(locationId);
  });
});
