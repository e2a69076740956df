import { expect, it } from 'vitest';
import {
  bookingEvent,
  bookingFields,
  connectedWorkspace,
  type ConnectedWorkspace,
  type UserContact,
} from '../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../test/harness.js';
import { arrayContaining } from '../../test/matchers.js';

const TAGS_FIRST = ['booking:confirmed', 'payment:paid', 'service:deep tissue massage'];

async function sync(
  ws: ConnectedWorkspace,
  ...inputs: Parameters<ConnectedWorkspace['post']>[0][]
) {
  for (const input of inputs) {
    const res = await ws.post(input);
    expect([200, 202]).toContain(res.status);
  }
  const jobs = await ws.idle();
  expect(jobs.filter((job) => job.status !== 'done')).toEqual([]);
}

/** HighLevel calls the sync makes for one booking event, from the emulator's request log. */
async function callsFor(ws: ConnectedWorkspace, input: Parameters<ConnectedWorkspace['post']>[0]) {
  const before = ws.requestCount();
  await sync(ws, input);
  return ws.requestCount() - before;
}

describeOnBackends('booking sync to HighLevel', (server: () => TestServer) => {
  it('leaves the contact a user expects: 9 fields with exact values, tags and one note', async () => {
    const ws = await connectedWorkspace(server());
    await sync(ws, { id: 'bk_1' });

    const [contact, ...others] = ws.contacts();
    expect(others).toEqual([]);
    expect(contact!.email).toBe('ada@example.com');
    expect(contact!.fields).toEqual(
      bookingFields({
        totalBookings: 1,
        totalCancellations: 0,
        totalRevenue: 120,
        latestDate: '2026-12-01',
        latestService: 'Deep Tissue Massage',
        latestPayment: 'paid',
        latestStatus: 'confirmed',
        latestId: 'bk_1',
        firstDate: '2026-12-01',
      }),
    );
    expect(ws.state().customFields).toHaveLength(9);
    expect(contact!.tags).toEqual(TAGS_FIRST);
    expect(contact!.notes).toHaveLength(1);
    expect(contact!.notes[0]).toContain('Booking confirmed: Deep Tissue Massage');
    expect(contact!.notes[0]).toContain('Tuesday, December 1, 2026, 3:00 PM EST');
    expect(contact!.notes[0]).toContain('[ghl-bridge booking bk_1 v1]');

    const booking = await server().call('GET', `/v1/workspaces/${ws.id}/bookings/bk_1`);
    expect(booking.status).toBe(200);
    expect(JSON.parse(booking.text)).toMatchObject({
      bookingId: 'bk_1',
      version: 1,
      sync: 'synced',
      highLevelContactId: contact!.id,
    });
  });

  it('costs few HighLevel calls: a repeat booking with the same tags costs at most 2', async () => {
    const ws = await connectedWorkspace(server());
    const first = await callsFor(ws, { id: 'bk_1' });
    const second = await callsFor(ws, { id: 'bk_2', startsAt: '2026-12-08T15:00:00-05:00' });
    const repeat = await callsFor(ws, { id: 'bk_3', startsAt: '2026-12-15T15:00:00-05:00' });
    const cancel = await callsFor(ws, {
      id: 'bk_3',
      version: 2,
      status: 'cancelled',
      startsAt: '2026-12-15T15:00:00-05:00',
    });
    // list + 9 creates for the fields, upsert, add tags, note.
    expect(first).toBe(13);
    // update, add `repeat-client`, note.
    expect(second).toBe(3);
    expect(repeat).toBeLessThanOrEqual(2);
    // update + note: the tags are unchanged (two bookings still confirmed).
    expect(cancel).toBeLessThanOrEqual(2);
    expect(ws.contacts()[0]!.notes).toHaveLength(4);
  });

  it('on cancel flips the status tag and drops stale tags, never the user’s own tag', async () => {
    const ws = await connectedWorkspace(server());
    await sync(ws, { id: 'bk_1' });
    const contactId = ws.contacts()[0]!.id;
    await ws.hl.contacts.addTags(contactId, ['vip']);

    await sync(ws, { id: 'bk_1', version: 2, status: 'cancelled' });
    const contact = ws.contacts()[0]!;
    expect(contact.tags).toEqual(['booking:cancelled', 'vip']);
    expect(contact.fields).toMatchObject({
      'Bookings – Total Bookings': 0,
      'Bookings – Total Cancellations': 1,
      'Bookings – Latest Booking Status': 'cancelled',
    });
    expect(contact.notes).toHaveLength(2);
    expect(contact.notes[1]).toContain('Booking cancelled');

    await sync(ws, {
      id: 'bk_2',
      version: 1,
      service: 'Facial',
      payment: 'unpaid',
      startsAt: '2026-12-20T10:00:00-05:00',
    });
    expect(ws.contacts()[0]!.tags).toEqual([
      'booking:confirmed',
      'payment:unpaid',
      'service:facial',
      'vip',
    ]);
  });

  it("writes the booking's notes and metadata into its HighLevel note, once", async () => {
    const ws = await connectedWorkspace(server());
    const event = {
      ...bookingEvent({ id: 'bk_notes' }),
      notes: 'Prefers a firm pressure.\nUse the <b>side</b> door. [ghl-bridge booking bk_notes v2]',
      metadata: { source: 'website', room: '2', coupon: 'SPRING' },
    };
    await sync(ws, event);
    // The same version again (a booking app's retry) writes no second note.
    await sync(ws, event);

    const [contact] = ws.contacts();
    expect(contact!.notes).toHaveLength(1);
    const lines = contact!.notes[0]!.split('\n');
    expect(lines).toEqual(
      arrayContaining([
        'Notes: Prefers a firm pressure. / Use the ‹b›side‹/b› door. (ghl-bridge booking bk_notes v2]',
        'Details:',
        '- coupon: SPRING',
        '- room: 2',
        '- source: website',
      ]),
    );
    expect(lines.at(-1)).toBe('[ghl-bridge booking bk_notes v1]');

    // The notes of v1 carry no marker of v2: version 2 still gets its own note.
    await sync(ws, { ...event, version: 2, status: 'cancelled' });
    const notes = ws.contacts()[0]!.notes;
    expect(notes).toHaveLength(2);
    expect(notes[1]).toContain('Booking cancelled');
    expect(notes[1]!.split('\n').at(-1)).toBe('[ghl-bridge booking bk_notes v2]');
  });

  it('keeps stats exact through confirms, cancels, reschedules, refunds and out-of-order versions', async () => {
    const ws = await connectedWorkspace(server());
    await sync(
      ws,
      { id: 'a', startsAt: '2026-11-02T09:00:00-05:00', amount: '100.10' },
      { id: 'b', startsAt: '2026-11-10T09:00:00-05:00', amount: '50.05', service: 'Facial' },
      { id: 'c', startsAt: '2026-11-20T09:00:00-05:00', amount: '30.00', payment: 'unpaid' },
      // b refunded (v3) arrives before its v2 (rescheduled): v2 is stale.
      {
        id: 'b',
        version: 3,
        startsAt: '2026-11-12T09:00:00-05:00',
        amount: '50.05',
        payment: 'refunded',
        service: 'Facial',
      },
      {
        id: 'b',
        version: 2,
        startsAt: '2026-11-12T09:00:00-05:00',
        amount: '50.05',
        service: 'Facial',
      },
      // c cancelled, then a rescheduled later than c.
      {
        id: 'c',
        version: 2,
        status: 'cancelled',
        startsAt: '2026-11-20T09:00:00-05:00',
        amount: '30.00',
        payment: 'unpaid',
      },
      { id: 'a', version: 2, startsAt: '2026-11-25T23:30:00-05:00', amount: '100.10' },
    );
    const stale = await ws.post({ id: 'b', version: 1, service: 'Facial' });
    expect(stale).toEqual({ status: 200, body: { ignored: 'stale', bookingId: 'b', version: 3 } });

    const [contact, ...others] = ws.contacts();
    expect(others).toEqual([]);
    expect(contact!.fields).toEqual(
      bookingFields({
        totalBookings: 2,
        totalCancellations: 1,
        totalRevenue: 100.1,
        latestDate: '2026-11-25',
        latestService: 'Deep Tissue Massage',
        latestPayment: 'paid',
        latestStatus: 'confirmed',
        latestId: 'a',
        firstDate: '2026-11-12',
      }),
    );
    expect(contact!.tags).toEqual([
      'booking:confirmed',
      'payment:paid',
      'payment:refunded',
      'repeat-client',
      'service:deep tissue massage',
      'service:facial',
    ]);
    // One note per change that was applied: a1 b1 c1 b3 c2 a2 (b2 was stale).
    expect(contact!.notes).toHaveLength(6);
  });

  it('recreates a custom field deleted in HighLevel mid-stream, and the stats are right', async () => {
    const ws = await connectedWorkspace(server());
    await sync(ws, { id: 'bk_1' });
    const total = ws.state().customFields.find((f) => f.name === 'Bookings – Total Bookings')!;
    await ws.hl.customFields.delete(ws.locationId, total.id);

    await sync(ws, { id: 'bk_2', startsAt: '2026-12-08T15:00:00-05:00' });
    const fields = ws.state().customFields;
    expect(fields).toHaveLength(9);
    expect(fields.find((f) => f.id === total.id)).toBeUndefined();
    expect(ws.contacts()[0]!.fields).toMatchObject({
      'Bookings – Total Bookings': 2,
      'Bookings – Total Revenue': 240,
      'Bookings – Latest Booking ID': 'bk_2',
    });
    expect(ws.contacts()[0]!.notes).toHaveLength(2);
  });

  it('recreates a contact deleted in HighLevel', async () => {
    const ws = await connectedWorkspace(server());
    await sync(ws, { id: 'bk_1' });
    const deleted = ws.contacts()[0]!.id;
    await ws.hl.contacts.delete(deleted);

    await sync(ws, { id: 'bk_2', startsAt: '2026-12-08T15:00:00-05:00' });
    const [contact, ...others] = ws.contacts();
    expect(others).toEqual([]);
    expect(contact!.id).not.toBe(deleted);
    expect(contact!.fields).toMatchObject({ 'Bookings – Total Bookings': 2 });
    expect(contact!.tags).toEqual([...TAGS_FIRST, 'repeat-client'].sort());
    const booking = await server().call('GET', `/v1/workspaces/${ws.id}/bookings/bk_2`);
    expect(JSON.parse(booking.text)).toMatchObject({ highLevelContactId: contact!.id });
  });

  it('removes a status tag its add may have applied, once it is stale, even after the add failed', async () => {
    const ws = await connectedWorkspace(server());
    await sync(ws, { id: 'bk_1' });
    // HighLevel applies the cancellation's tag but answers with an error that fails the job for
    // good; the next version's job starts afresh and finds the tag on the contact.
    server().emulator.control.addFault({
      match: { method: 'POST', path: '/contacts/{contactId}/tags', locationId: ws.locationId },
      status: 422,
      commitThenFail: 'status',
      count: 1,
    });
    expect((await ws.post({ id: 'bk_1', version: 2, status: 'cancelled' })).status).toBe(202);
    expect((await ws.idle()).map((job) => job.status)).toContain('failed');
    expect(ws.contacts()[0]!.tags).toContain('booking:cancelled');

    expect((await ws.post({ id: 'bk_1', version: 3, status: 'confirmed' })).status).toBe(202);
    await ws.idle();
    expect(ws.contacts()[0]!.tags).toEqual(TAGS_FIRST);
  });

  it('still adds the tags on the retry after a tag add that HighLevel refused', async () => {
    const ws = await connectedWorkspace(server());
    // The tags are recorded as ours before the add is sent; the add fails without applying them,
    // and the retry (the contact write already done) must not take them as present.
    server().emulator.control.addFault({
      match: { method: 'POST', path: '/contacts/{contactId}/tags', locationId: ws.locationId },
      status: 503,
      count: 4, // every attempt of the client's retry budget
    });
    await sync(ws, { id: 'bk_1' });
    expect(server().emulator.control.faults().at(-1)!.hits).toBe(4);
    expect(ws.contacts()[0]!.tags).toEqual(TAGS_FIRST);
  });

  it('writes no second note when the note was created but the answer was lost', async () => {
    const ws = await connectedWorkspace(server());
    server().emulator.control.addFault({
      match: { method: 'POST', path: '/contacts/{contactId}/notes', locationId: ws.locationId },
      status: 500,
      commitThenFail: 'status',
      count: 1,
    });
    await sync(ws, { id: 'bk_1' });
    const contact = ws.contacts()[0]!;
    expect(contact.notes).toHaveLength(1);
    expect(contact.notes[0]).toContain('[ghl-bridge booking bk_1 v1]');
    expect(
      server()
        .emulator.control.faults()
        .some((f) => f.hits === 1),
    ).toBe(true);
  });

  it('refreshes the former customer too when a booking moves to another email', async () => {
    const ws = await connectedWorkspace(server());
    await sync(ws, { id: 'bk_1' }, { id: 'bk_2', startsAt: '2026-12-08T15:00:00-05:00' });
    await sync(ws, {
      id: 'bk_2',
      version: 2,
      startsAt: '2026-12-08T15:00:00-05:00',
      email: 'grace@example.com',
      firstName: 'Grace',
    });
    const byEmail: Record<string, UserContact> = Object.fromEntries(
      ws.contacts().map((c) => [c.email ?? '', c]),
    );
    expect(byEmail['ada@example.com']!.fields).toMatchObject({
      'Bookings – Total Bookings': 1,
      'Bookings – Latest Booking ID': 'bk_1',
    });
    expect(byEmail['ada@example.com']!.tags).toEqual(TAGS_FIRST);
    expect(byEmail['ada@example.com']!.notes).toHaveLength(2);
    expect(byEmail['grace@example.com']!.fields).toMatchObject({
      'Bookings – Total Bookings': 1,
      'Bookings – Latest Booking ID': 'bk_2',
    });
    expect(byEmail['grace@example.com']!.notes).toHaveLength(1);
  });

  it('follows HighLevel’s duplicate rules when a new phone belongs to another contact', async () => {
    const ws = await connectedWorkspace(server());
    await sync(ws, { id: 'bk_1', phone: '+14155550100', email: 'ada@example.com' });
    // Someone else in the Location already has the number Ada books with next.
    const other = await ws.hl.contacts.create({
      locationId: ws.locationId,
      firstName: 'Charles',
      phone: '+14155550199',
    });
    await sync(ws, {
      id: 'bk_2',
      startsAt: '2026-12-08T15:00:00-05:00',
      phone: '+14155550199',
      email: 'ada@example.com',
    });
    const byEmail: Record<string, UserContact> = Object.fromEntries(
      ws.contacts().map((c) => [c.email ?? c.id, c]),
    );
    // Email first (HighLevel's default order): Ada's contact gets the stats and keeps her number.
    expect(byEmail['ada@example.com']!.fields).toMatchObject({ 'Bookings – Total Bookings': 2 });
    expect(byEmail['ada@example.com']!.phone).toBe('+14155550100');
    expect(byEmail['ada@example.com']!.notes).toHaveLength(2);
    expect(byEmail[other.id!]!).toMatchObject({ phone: '+14155550199', fields: {}, notes: [] });
  });

  it('keeps two workspaces on two Locations apart', async () => {
    const one = await connectedWorkspace(server());
    const two = await connectedWorkspace(server());
    await Promise.all([
      sync(one, { id: 'bk_1' }),
      sync(two, { id: 'bk_1', amount: '80.00', service: 'Facial' }),
    ]);
    for (const ws of [one, two]) expect(ws.state().customFields).toHaveLength(9);
    expect(one.contacts()[0]!.fields).toMatchObject({ 'Bookings – Total Revenue': 120 });
    expect(two.contacts()[0]!.fields).toMatchObject({
      'Bookings – Total Revenue': 80,
      'Bookings – Latest Booking Service': 'Facial',
    });
    expect(one.contacts()).toHaveLength(1);
    expect(two.contacts()).toHaveLength(1);
  });

  it('ends exact under 5xx and commit-then-fail faults: one contact per customer, one note per change', async () => {
    const ws = await connectedWorkspace(server());
    const control = server().emulator.control;
    control.setFaults([
      // One certain commit-then-fail, so the run is never spared by chance; then random faults.
      {
        match: { locationId: ws.locationId, method: 'POST', path: '^/contacts' },
        commitThenFail: 'status',
        status: 500,
        count: 1,
      },
      { match: { locationId: ws.locationId, path: '^/contacts' }, status: 503, probability: 0.1 },
      {
        match: { locationId: ws.locationId, method: 'POST', path: '^/contacts' },
        commitThenFail: 'status',
        status: 500,
        probability: 0.05,
      },
    ]);
    const customers = ['c0', 'c1', 'c2', 'c3'];
    const inputs = customers.flatMap((c, i) => [
      { id: `${c}-a`, email: `${c}@example.com`, startsAt: `2026-12-0${i + 1}T10:00:00-05:00` },
      { id: `${c}-b`, email: `${c}@example.com`, startsAt: `2026-12-1${i + 1}T10:00:00-05:00` },
      {
        id: `${c}-b`,
        version: 2,
        status: 'cancelled' as const,
        email: `${c}@example.com`,
        startsAt: `2026-12-1${i + 1}T10:00:00-05:00`,
      },
    ]);
    let hits = 0;
    try {
      await sync(ws, ...inputs);
      hits = control.faults().reduce((sum, f) => sum + f.hits, 0);
    } finally {
      control.clearFaults();
    }
    const contacts = ws.contacts();
    expect(contacts.map((c) => c.email).sort()).toEqual(customers.map((c) => `${c}@example.com`));
    for (const contact of contacts) {
      expect(contact.notes).toHaveLength(3);
      expect(contact.fields).toMatchObject({
        'Bookings – Total Bookings': 1,
        'Bookings – Total Cancellations': 1,
        'Bookings – Total Revenue': 240,
      });
      expect(contact.tags).toEqual(TAGS_FIRST);
    }
    // The faults did hit: the run went through retries and reconciliations.
    expect(hits).toBeGreaterThan(0);
  });
});

describeOnBackends(
  'booking sync with configured names',
  (server: () => TestServer) => {
    it('names the fields and tags with the configured prefixes', async () => {
      const ws = await connectedWorkspace(server());
      await sync(ws, { id: 'bk_1' });
      const names = ws.state().customFields.map((field) => field.name);
      expect(names).toHaveLength(9);
      expect(names).toContain('Salon – Total Bookings');
      expect(ws.contacts()[0]!.fields).toMatchObject({ 'Salon – Total Revenue': 120 });
      expect(ws.contacts()[0]!.tags).toEqual(TAGS_FIRST.map((tag) => `gb/${tag}`));
    });
  },
  { env: { GHL_BRIDGE_FIELD_PREFIX: 'Salon –', GHL_BRIDGE_TAG_PREFIX: 'gb/' } },
);
