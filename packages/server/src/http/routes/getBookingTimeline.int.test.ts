import { findOperation } from '@ghl-bridge/client';
import { expect, it } from 'vitest';
import { bookingEvent, connectedWorkspace } from '../../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../../test/harness.js';
import { waitFor } from '../../../test/waitFor.js';
import { describeSyncStep, SYNC_STEP_KINDS } from '../../bookingSync/core/syncStepCalls.js';

interface Step {
  kind: string | null;
  action: string;
  calls: { method: string; path: string; when: string | null }[];
  status: string;
  highLevelContactId: string | null;
}

interface Timeline {
  booking: { bookingId: string; version: number; sync: string; problems: { code: string }[] };
  jobs: Array<{
    id: string;
    version: number;
    customerKey: string;
    status: string;
    attempts: number;
    reason: string | null;
    failureKind: string | null;
    formerCustomer: boolean;
    backfillRun: string | null;
    steps: Step[];
  }>;
  olderJobsLeftOut: boolean;
}

async function timeline(server: TestServer, ws: string, bookingId: string) {
  const res = await server.call('GET', `/v1/workspaces/${ws}/bookings/${bookingId}/timeline`);
  return { ...res, timeline: JSON.parse(res.text) as Timeline };
}

const calls = (step: Step | undefined) => step?.calls.map((c) => `${c.method} ${c.path}`);

describeOnBackends('GET /v1/workspaces/:ws/bookings/:bookingId/timeline', (server) => {
  it("lists every version's job with the steps it took and their HighLevel calls", async () => {
    const ws = await connectedWorkspace(server());
    await ws.post({ id: 'bk_1' });
    await ws.idle();
    await ws.post({ id: 'bk_1', version: 2, status: 'cancelled' });
    await ws.idle();

    const { status, timeline: t } = await timeline(server(), ws.id, 'bk_1');
    expect(status).toBe(200);
    const contactId = ws.contacts()[0]!.id;
    expect(t.booking).toMatchObject({ bookingId: 'bk_1', version: 2, sync: 'synced' });
    expect(t.olderJobsLeftOut).toBe(false);
    expect(t.jobs.map((job) => [job.version, job.status, job.attempts])).toEqual([
      [1, 'done', 1],
      [2, 'done', 1],
    ]);
    const [first, second] = t.jobs;
    expect(first!.steps.map((step) => [step.kind, step.status])).toEqual([
      ['provision-fields', 'done'],
      ['contact', 'done'],
      ['add-tags', 'done'],
      ['add-note', 'done'],
    ]);
    const contact = first!.steps[1];
    expect(contact).toMatchObject({
      action: 'Create or update the contact',
      highLevelContactId: contactId,
    });
    expect(calls(contact)).toEqual(['POST /contacts/upsert', 'PUT /contacts/{contactId}']);
    expect(calls(first!.steps[3])).toContain('POST /contacts/{contactId}/notes');
    // The fields exist by now: the second version's job writes the contact and its note only.
    expect(second!.steps.map((step) => step.kind)).not.toContain('provision-fields');
    expect(second!.steps.map((step) => step.kind)).toContain('add-note');
    expect(t.jobs.every((job) => !job.formerCustomer && job.backfillRun === null)).toBe(true);
  });

  it('says in words why a job HighLevel refused failed, and shows its steps once retried', async () => {
    const ws = await connectedWorkspace(server());
    // Fault injection: HighLevel refuses every contact write of this Location.
    server().emulator.control.setFaults([
      { match: { locationId: ws.locationId, path: '^/contacts' }, status: 422, count: 50 },
    ]);
    await ws.post({ id: 'bk_refused' });
    const t = await waitFor(async () => {
      const { timeline: t } = await timeline(server(), ws.id, 'bk_refused');
      return t.jobs[0]?.status === 'failed' && t;
    });
    server().emulator.control.setFaults([]);

    const [job] = t.jobs;
    expect(job).toMatchObject({ status: 'failed', failureKind: 'rejected', attempts: 1 });
    expect(job!.reason).toMatch(/HighLevel rejected the contact data.*retry this job/);
    // The contact write failed before any step's end was written.
    expect(job!.steps).toEqual([]);
    expect(t.booking.sync).toBe('failed');

    const retried = await server().call(
      'POST',
      `/v1/workspaces/${ws.id}/sync-jobs/${job!.id}/retry`,
    );
    expect(retried.status).toBe(202);
    await ws.idle();
    const { timeline: after } = await timeline(server(), ws.id, 'bk_refused');
    expect(after.jobs).toMatchObject([
      { id: job!.id, status: 'done', attempts: 2, reason: null, failureKind: null },
    ]);
    // The first attempt found the fields (their ids are kept): the retry starts at the contact.
    expect(after.jobs[0]!.steps.map((step) => step.kind)).toEqual([
      'contact',
      'add-tags',
      'add-note',
    ]);
  });

  it("shows the former customer's job when a version moves the booking, and the booking's problems", async () => {
    const ws = await connectedWorkspace(server());
    await ws.post({ id: 'bk_moved', email: 'ada@example.com' });
    await ws.idle();
    await ws.post({
      ...bookingEvent({ id: 'bk_moved', version: 2, email: 'grace@example.com' }),
      customer: { firstName: 'Grace', email: 'grace@example.com', phone: '(415) 555-013' },
    });
    await ws.idle();

    const { timeline: t } = await timeline(server(), ws.id, 'bk_moved');
    expect(
      t.jobs
        .map((job) => [job.version, job.customerKey, job.formerCustomer])
        .slice(1)
        .sort(),
    ).toEqual([
      [2, 'ada@example.com', true],
      [2, 'grace@example.com', false],
    ]);
    const former = t.jobs.find((job) => job.formerCustomer)!;
    expect(former.steps.map((step) => step.kind)).not.toContain('add-note');
    expect(t.booking.problems.map((problem) => problem.code)).toEqual(['unreadable_phone']);
  });

  it('answers 404 for an unknown booking and 403 for another workspace’s key', async () => {
    const ws = await connectedWorkspace(server(), { connect: false });
    const missing = await timeline(server(), ws.id, 'nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('booking_not_found');
    const other = await server().createWorkspace();
    const forbidden = await server().call('GET', `/v1/workspaces/${ws.id}/bookings/nope/timeline`, {
      token: other.apiKey,
    });
    expect(forbidden.status).toBe(403);
  });

  it("names only calls of HighLevel's API reference", () => {
    for (const kind of SYNC_STEP_KINDS) {
      for (const call of describeSyncStep(`booking/bk_1/v1/${kind}`)!.calls) {
        expect(findOperation(call.method, call.path), `${kind}: ${call.path}`).toBeDefined();
      }
    }
  });
});
