import { beforeAll, expect, it } from 'vitest';
import {
  connect,
  connectedWorkspace,
  syncJobs,
  type ConnectedWorkspace,
  type SyncJobView,
} from '../../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../../test/harness.js';
import { waitFor } from '../../../test/waitFor.js';

interface Page {
  jobs: Array<SyncJobView & { createdAt: string }>;
  nextCursor: string | null;
  counts: Record<string, number>;
}

async function page(server: TestServer, ws: string, query: string) {
  const res = await server.call('GET', `/v1/workspaces/${ws}/sync-jobs?${query}`);
  return { ...res, page: JSON.parse(res.text) as Page };
}

/** A workspace without a connection: every booking's job waits, so none changes status. */
async function waitingWorkspace(server: TestServer, bookings: number) {
  const ws = await connectedWorkspace(server, { connect: false });
  for (let i = 1; i <= bookings; i++) {
    const res = await ws.post({ id: `bk_${i}` });
    expect(res.status).toBe(202);
  }
  return ws;
}

describeOnBackends('GET /v1/workspaces/:ws/sync-jobs', (server) => {
  /** 120 jobs, bk_1 (oldest) to bk_120, that no test changes. */
  let listed: ConnectedWorkspace;
  beforeAll(async () => {
    listed = await waitingWorkspace(server(), 120);
  });

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

  it('pages through 120 jobs newest first, each exactly once', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const query = `limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await page(server(), listed.id, query);
      expect(res.status).toBe(200);
      sizes.push(res.page.jobs.length);
      seen.push(...res.page.jobs.map((job) => job.bookingId));
      cursor = res.page.nextCursor;
    } while (cursor);

    expect(sizes).toEqual([50, 50, 20]);
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => `bk_${120 - i}`));
  });

  it('keeps its place when a job is created between two pages', async () => {
    const ws = await waitingWorkspace(server(), 5);
    const first = await page(server(), ws.id, 'limit=2');
    expect((await ws.post({ id: 'bk_6' })).status).toBe(202);
    const cursor = encodeURIComponent(first.page.nextCursor!);
    const second = await page(server(), ws.id, `limit=2&cursor=${cursor}`);
    expect(first.page.jobs.map((job) => job.bookingId)).toEqual(['bk_5', 'bk_4']);
    expect(second.page.jobs.map((job) => job.bookingId)).toEqual(['bk_3', 'bk_2']);
  });

  it('lists 50 jobs when no limit is given, and counts the whole workspace by status', async () => {
    const first = await page(server(), listed.id, '');
    expect(first.page.jobs).toHaveLength(50);
    expect(first.page.jobs[0]!.bookingId).toBe('bk_120');
    expect(first.page.counts).toEqual({
      queued: 0,
      running: 0,
      retrying: 0,
      waiting_for_connection: 120,
      paused: 0,
      done: 0,
      failed: 0,
    });
    const filtered = await page(server(), listed.id, 'status=failed');
    expect(filtered.page).toEqual({ jobs: [], nextCursor: null, counts: first.page.counts });
  });

  it('counts jobs as they are synced and as they fail', async () => {
    const ws = await connectedWorkspace(server());
    for (const id of ['bk_a', 'bk_b', 'bk_c']) await ws.post({ id });
    await ws.idle();
    server().emulator.control.revokeToken(ws.token);
    await ws.post({ id: 'bk_d' });
    const counts = await waitFor(async () => {
      const res = await page(server(), ws.id, 'bookingId=bk_a');
      return res.page.counts.failed === 1 && res.page.counts;
    });
    expect(counts).toMatchObject({ done: 3, failed: 1, queued: 0, running: 0, retrying: 0 });
  });

  it('finds a customer by any part of their email, phone or name, and a booking by its id', async () => {
    const ws = await connectedWorkspace(server(), { connect: false });
    await ws.post({ id: 'bk_ada', email: 'Ada@Example.com' });
    await ws.post({ id: 'bk_grace', email: 'grace@example.com', firstName: 'Grace' });
    await ws.post({ id: 'bk_phone', phone: '+1 415 555 0132', firstName: 'Linus' });
    await ws.post({ id: 'bk_pct', email: 'percent@example.com', firstName: '100%' });
    const found = async (search: string) => {
      const res = await page(server(), ws.id, `search=${encodeURIComponent(search)}`);
      expect(res.status, search).toBe(200);
      return res.page.jobs.map((job) => job.bookingId);
    };
    expect(await found('ada@')).toEqual(['bk_ada']);
    expect(await found('EXAMPLE.COM')).toEqual(['bk_pct', 'bk_grace', 'bk_ada']);
    expect(await found('(415) 555-0132')).toEqual(['bk_phone']);
    expect(await found('5550132')).toEqual(['bk_phone']);
    expect(await found('linus')).toEqual(['bk_phone']);
    expect(await found('BK_GRA')).toEqual(['bk_grace']);
    expect(await found('0%')).toEqual(['bk_pct']);
    expect(await found('_')).toEqual(['bk_pct', 'bk_phone', 'bk_grace', 'bk_ada']);
    expect(await found('nobody@')).toEqual([]);
    expect(await found('   ')).toHaveLength(4);
  });

  it('pages through a search, each match once, and counts the whole workspace', async () => {
    const ws = await connectedWorkspace(server(), { connect: false });
    for (let i = 1; i <= 14; i++) {
      await ws.post({ id: `bk_${i}`, email: i % 2 ? 'ada@example.com' : 'grace@example.com' });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query = `search=grace&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await page(server(), ws.id, query);
      expect(res.page.counts.waiting_for_connection).toBe(14);
      seen.push(...res.page.jobs.map((job) => job.bookingId));
      cursor = res.page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['bk_14', 'bk_12', 'bk_10', 'bk_8', 'bk_6', 'bk_4', 'bk_2']);
  });

  it('refuses a search longer than 200 characters', async () => {
    const res = await server().call(
      'GET',
      `/v1/workspaces/${listed.id}/sync-jobs?search=${'a'.repeat(201)}`,
    );
    expect(res.status).toBe(422);
    expect(res.body.error?.details?.fields).toEqual([
      { path: 'search', message: 'expected at most 200 characters' },
    ]);
  });

  it.each([
    ['0', /from 1 to 200/],
    ['201', /at most 200/],
    ['ten', /whole number/],
    ['2.5', /whole number/],
  ])('refuses limit=%s with 422 naming the field', async (limit, message) => {
    const res = await server().call('GET', `/v1/workspaces/${listed.id}/sync-jobs?limit=${limit}`);
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('validation_failed');
    expect(res.body.error?.details?.fields).toEqual([
      { path: 'limit', message: expect.stringMatching(message) as string },
    ]);
  });

  it('refuses a garbled cursor, one from another workspace, and one naming no job', async () => {
    const other = await waitingWorkspace(server(), 2);
    const { page: otherPage } = await page(server(), other.id, 'limit=1');
    const forged = Buffer.from(JSON.stringify({ ws: listed.id, after: 'sj_nope' })).toString(
      'base64url',
    );
    for (const [cursor, message] of [
      ['not-a-cursor', /not one this server gave out/],
      ['', /not one this server gave out/],
      [otherPage.nextCursor!, /another workspace/],
      [forged, /no job of this workspace/],
    ] as const) {
      const res = await server().call(
        'GET',
        `/v1/workspaces/${listed.id}/sync-jobs?cursor=${encodeURIComponent(cursor)}`,
      );
      expect(res.status, cursor).toBe(422);
      expect(res.body.error?.code, cursor).toBe('invalid_cursor');
      expect(res.body.error?.message, cursor).toMatch(message);
      expect(res.body.error?.details?.fields, cursor).toEqual([
        { path: 'cursor', message: res.body.error?.message },
      ]);
    }
  });
});
