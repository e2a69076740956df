import { expect, it } from 'vitest';
import { bookingEvent, connect, connectedWorkspace } from '../../../test/bookings.js';
import { describeOnBackends, type ApiBody } from '../../../test/harness.js';
import { anyString, containing } from '../../../test/matchers.js';

const path = (ws: string) => `/v1/workspaces/${ws}/bookings`;

describeOnBackends('POST /v1/workspaces/:ws/bookings', (server) => {
  it('accepts a new version with 202, a repeat with 200 and the state, an older one as stale', async () => {
    const ws = await connectedWorkspace(server());
    const first = await ws.post({ id: 'bk_1', version: 2 });
    expect(first).toEqual({
      status: 202,
      body: { bookingId: 'bk_1', version: 2, sync: 'pending', jobs: [anyString()] },
    });
    await ws.idle();

    const repeat = await ws.post({ id: 'bk_1', version: 2 });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({
      bookingId: 'bk_1',
      version: 2,
      status: 'confirmed',
      customerKey: 'ada@example.com',
      sync: 'synced',
      highLevelContactId: ws.contacts()[0]!.id,
    });

    const stale = await ws.post({ id: 'bk_1', version: 1, status: 'cancelled' });
    expect(stale).toEqual({
      status: 200,
      body: { ignored: 'stale', bookingId: 'bk_1', version: 2 },
    });
    // Neither the repeat nor the stale version made a job or a note.
    const jobs = await ws.idle();
    expect(jobs).toHaveLength(1);
    expect(ws.contacts()[0]!.notes).toHaveLength(1);
  });

  it('syncs a booking sent twice at once only once', async () => {
    const ws = await connectedWorkspace(server());
    const answers = await Promise.all([ws.post({ id: 'bk_2' }), ws.post({ id: 'bk_2' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 202]);
    const jobs = await ws.idle();
    expect(jobs).toHaveLength(1);
    expect(ws.contacts()[0]!.notes).toHaveLength(1);
  });

  it('answers an invalid event with 422 naming each field', async () => {
    const { id } = await server().createWorkspace();
    const event = bookingEvent({ id: 'bk 1', amount: '12.345' });
    const res = await server().call('POST', path(id), {
      json: { ...event, customer: { firstName: 'Ada' } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('validation_failed');
    expect(res.body.error?.details?.fields?.map((f) => f.path).sort()).toEqual([
      'customer',
      'id',
      'price.amount',
    ]);
  });

  it('names a missing field as required, in words a developer acts on', async () => {
    const { id } = await server().createWorkspace();
    const { service: _service, ...event } = bookingEvent({ id: 'bk_noservice' });
    const res = await server().call('POST', path(id), { json: event });
    expect(res.status).toBe(422);
    expect(res.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'service', message: 'required' }),
    ]);
  });

  it('normalizes the phone to E.164 and keys a customer without email by it', async () => {
    const ws = await connectedWorkspace(server());
    const res = await ws.post(
      bookingEvent({ id: 'bk_p', phone: '+1 (415) 555-0100', email: undefined }),
    );
    expect(res.status).toBe(202);
    await ws.idle();
    const booking = await server().call('GET', `${path(ws.id)}/bk_p`);
    expect(JSON.parse(booking.text)).toMatchObject({ customerKey: '+14155550100', sync: 'synced' });
    expect(ws.contacts().map((c) => c.phone)).toEqual(['+14155550100']);
  });

  it("reads a national phone in the Location's country: one customer however it is written", async () => {
    const ws = await connectedWorkspace(server());
    const national = await ws.post(
      bookingEvent({ id: 'bk_n1', phone: '(415) 555-0132', email: undefined }),
    );
    expect(national.status).toBe(202);
    expect(national.body).not.toHaveProperty('problems');
    const international = await ws.post(
      bookingEvent({
        id: 'bk_n2',
        phone: '+14155550132',
        email: undefined,
        startsAt: '2026-12-08T15:00:00-05:00',
      }),
    );
    expect(international.status).toBe(202);
    await ws.idle();

    for (const id of ['bk_n1', 'bk_n2']) {
      const booking = await server().call('GET', `${path(ws.id)}/${id}`);
      expect(JSON.parse(booking.text)).toMatchObject({
        customerKey: '+14155550132',
        sync: 'synced',
        problems: [],
        booking: { customer: { phone: '+14155550132' } },
      });
    }
    const [contact, ...others] = ws.contacts();
    expect(others).toEqual([]);
    expect(contact!.phone).toBe('+14155550132');
    expect(contact!.fields).toMatchObject({ 'Bookings – Total Bookings': 2 });
  });

  it('reads a national phone in a British Location as British, with no country set', async () => {
    const ws = await connectedWorkspace(server(), { country: 'GB' });
    const res = await ws.post(
      bookingEvent({ id: 'bk_gb', phone: '020 7946 0018', email: undefined }),
    );
    expect(res.status).toBe(202);
    expect(res.body).not.toHaveProperty('problems');
    await ws.idle();
    expect(ws.contacts().map((c) => c.phone)).toEqual(['+442079460018']);
    const booking = await server().call('GET', `${path(ws.id)}/bk_gb`);
    expect(JSON.parse(booking.text)).toMatchObject({
      customerKey: '+442079460018',
      sync: 'synced',
    });
  });

  it("reads national phones in the workspace's defaultCountry over the Location's", async () => {
    const ws = await connectedWorkspace(server());
    const patched = await server().call('PATCH', `/v1/workspaces/${ws.id}`, {
      json: { defaultCountry: 'GB' },
    });
    expect(patched.status).toBe(200);
    const res = await ws.post(
      bookingEvent({ id: 'bk_uk', phone: '020 7946 0018', email: undefined }),
    );
    expect(res.status).toBe(202);
    await ws.idle();
    expect(ws.contacts().map((c) => c.phone)).toEqual(['+442079460018']);
    const booking = await server().call('GET', `${path(ws.id)}/bk_uk`);
    expect(JSON.parse(booking.text)).toMatchObject({ customerKey: '+442079460018' });
  });

  it('keeps a booking whose phone cannot be read and syncs it by email, saying so', async () => {
    const ws = await connectedWorkspace(server());
    const res = await ws.post(
      bookingEvent({ id: 'bk_bad', email: 'ada@example.com', phone: '(415) 555-013' }),
    );
    expect(res.status).toBe(202);
    const problem = {
      field: 'customer.phone',
      code: 'unreadable_phone',
      message: containing('read in US'),
      value: '(415) 555-013',
    };
    expect(res.body).toMatchObject({ bookingId: 'bk_bad', problems: [problem] });
    await ws.idle();

    const booking = await server().call('GET', `${path(ws.id)}/bk_bad`);
    expect(JSON.parse(booking.text)).toMatchObject({
      customerKey: 'ada@example.com',
      sync: 'synced',
      problems: [problem],
    });
    const [contact, ...others] = ws.contacts();
    expect(others).toEqual([]);
    expect(contact!.email).toBe('ada@example.com');
    expect(contact!.phone ?? null).toBeNull();
    expect(contact!.notes).toHaveLength(1);
    expect(contact!.notes[0]).toContain(
      'Phone not saved on the contact: "(415) 555-013" could not be read as a phone number.',
    );
  });

  it('refuses a booking with neither an email nor a readable phone, saying how to fix it', async () => {
    // No connection and no defaultCountry: there is no country to read a national number in.
    const { id } = await server().createWorkspace();
    const event = bookingEvent({ id: 'bk_x', phone: '(415) 555-0132', email: undefined });
    const unconnected = await server().call('POST', path(id), { json: event });
    expect(unconnected.status).toBe(422);
    expect(unconnected.body.error?.details?.fields).toEqual([
      { path: 'customer.phone', message: containing('no country to read national numbers in') },
    ]);

    const ws = await connectedWorkspace(server());
    const unreadable = await ws.post(
      bookingEvent({ id: 'bk_y', phone: '(415) 555-013', email: undefined }),
    );
    expect(unreadable.status).toBe(422);
    const [field] = (unreadable.body as ApiBody).error!.details!.fields!;
    expect(field!.path).toBe('customer.phone');
    expect(field!.message).toMatch(/read in US: the connected Location's country/);
    expect(field!.message).toMatch(/\+1 for US/);
    expect((await server().call('GET', `${path(ws.id)}/bk_y`)).status).toBe(404);
  });

  it('stores bookings of a workspace with no connection and syncs them once it connects', async () => {
    const ws = await connectedWorkspace(server(), { connect: false });
    const res = await ws.post({ id: 'bk_1' });
    expect(res.body).toMatchObject({ sync: 'waiting_for_connection' });
    await ws.post({ id: 'bk_2', startsAt: '2026-12-08T15:00:00-05:00' });
    expect(ws.state().contacts).toEqual([]);

    await connect(server(), ws.id, ws.locationId, ws.token);
    const jobs = await ws.idle();
    expect(jobs.map((job) => job.status)).toEqual(['done', 'done']);
    const [contact, ...others] = ws.contacts();
    expect(others).toEqual([]);
    expect(contact!.fields).toMatchObject({ 'Bookings – Total Bookings': 2 });
    expect(contact!.notes).toHaveLength(2);
  });
});
