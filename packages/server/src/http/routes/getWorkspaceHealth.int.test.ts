import { expect, it } from 'vitest';
import { connectedWorkspace } from '../../../test/bookings.js';
import { describeOnBackends } from '../../../test/harness.js';

interface Health {
  locationId: string | null;
  limit: { requests: number; windowMs: number };
  requests: {
    startMs: number;
    bucketMs: number;
    requests: number[];
    throttled: number[];
    failed: number[];
    totals: { requests: number; throttled: number; failed: number; peak: number };
  };
  syncJobs: {
    waiting: number;
    failed: number;
    lastHour: { done: number; failed: number; errorRate: number | null };
  };
}

describeOnBackends('GET /v1/workspaces/:ws/health', (server) => {
  async function health(ws: string) {
    const res = await server().call('GET', `/v1/workspaces/${ws}/health`);
    expect(res.status).toBe(200);
    return JSON.parse(res.text) as Health;
  }

  it('counts every HighLevel request the Location received, per 10 s over the last hour', async () => {
    const ws = await connectedWorkspace(server());
    for (const id of ['bk_1', 'bk_2', 'bk_3']) {
      expect((await ws.post({ id, email: `${id}@example.com` })).status).toBe(202);
    }
    await ws.idle();

    const seen = await health(ws.id);
    expect(seen.locationId).toBe(ws.locationId);
    expect(seen.limit).toEqual({ requests: 100, windowMs: 10_000 });
    expect(seen.requests.bucketMs).toBe(10_000);
    expect(seen.requests.requests).toHaveLength(360);
    // Exactly what HighLevel saw: the connect check and every sync request, none lost.
    expect(seen.requests.totals.requests).toBe(ws.requestCount());
    expect(seen.requests.totals.peak).toBe(Math.max(...seen.requests.requests));
    expect(seen.requests.totals).toMatchObject({ throttled: 0, failed: 0 });
    expect(seen.syncJobs).toEqual({
      waiting: 0,
      failed: 0,
      lastHour: { done: 3, failed: 0, errorRate: 0 },
    });
  });

  it("shows HighLevel's 429s and failures, and the jobs that failed", async () => {
    const ws = await connectedWorkspace(server());
    const path = '^/contacts';
    server().emulator.control.setFaults([
      { match: { locationId: ws.locationId, path }, status: 429, count: 1 },
      { match: { locationId: ws.locationId, path }, status: 503, count: 1 },
    ]);
    await ws.post({ id: 'bk_throttled', email: 'slow@example.com' });
    await ws.idle();
    server().emulator.control.setFaults([
      { match: { locationId: ws.locationId, path }, status: 422, count: 50 },
    ]);
    await ws.post({ id: 'bk_refused', email: 'refused@example.com' });
    await ws.idle();
    server().emulator.control.setFaults([]);

    const seen = await health(ws.id);
    expect(seen.requests.totals.requests).toBe(ws.requestCount());
    expect(seen.requests.totals.throttled).toBe(1);
    // The 503 failed; a 422 is HighLevel answering, not failing: it shows as the job's failure.
    expect(seen.requests.totals.failed).toBe(1);
    expect(seen.syncJobs).toEqual({
      waiting: 0,
      failed: 1,
      lastHour: { done: 1, failed: 1, errorRate: 0.5 },
    });
  });

  it('answers for a workspace without a connection: no Location, nothing counted', async () => {
    const ws = await connectedWorkspace(server(), { connect: false });
    await ws.post({ id: 'bk_waiting' });
    const seen = await health(ws.id);
    expect(seen.locationId).toBeNull();
    expect(seen.requests.totals).toEqual({ requests: 0, throttled: 0, failed: 0, peak: 0 });
    expect(seen.syncJobs.waiting).toBe(1);
    expect(seen.syncJobs.lastHour.errorRate).toBeNull();
  });
});
