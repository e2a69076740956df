import { expect, it } from 'vitest';
import { appCall, highLevelCalls, put, settled } from '../../test/appRecords.js';
import { connectedWorkspace } from '../../test/bookings.js';
import { describeOnBackends } from '../../test/harness.js';
import { waitFor } from '../../test/waitFor.js';

const ada = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+1 415 555 0132',
  city: 'London',
  tags: ['member'],
};

/** Long enough for a queued job to have run: the workers look for work every half second. */
const quietly = () => new Promise((resolve) => setTimeout(resolve, 1500));

describeOnBackends("the app's contacts, written to HighLevel", (server) => {
  it('creates one contact, and the same version again writes nothing more', async () => {
    const ws = await connectedWorkspace(server());
    const accepted = await put(server(), ws, 'cust_1', { version: 1, ...ada });
    expect(accepted).toMatchObject({ externalId: 'cust_1', version: 1, status: 'pending' });
    const view = await settled(server(), ws, 'cust_1');
    expect(view).toMatchObject({ status: 'synced', error: null, version: 1 });
    const [contact, ...others] = ws.state().contacts;
    expect(others).toEqual([]);
    expect(contact).toMatchObject({
      id: view.contactId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '+14155550132',
      city: 'London',
      tags: ['member'],
    });

    const calls = highLevelCalls(server(), ws.locationId).length;
    const again = await put(server(), ws, 'cust_1', { version: 1, ...ada, city: 'Paris' }, 200);
    expect(again).toMatchObject({ outcome: 'already_taken', status: 'synced', version: 1 });
    await quietly();
    expect(highLevelCalls(server(), ws.locationId)).toHaveLength(calls);
    expect(ws.state().contacts[0]?.city).toBe('London');
  });

  it('updates the contact with a newer version, leaving the fields it did not send; an older one changes nothing', async () => {
    const ws = await connectedWorkspace(server());
    await put(server(), ws, 'cust_1', { version: 1, ...ada });
    await settled(server(), ws, 'cust_1');
    await put(server(), ws, 'cust_1', { version: 3, firstName: 'Augusta', companyName: 'Engines' });
    const view = await settled(server(), ws, 'cust_1');
    expect(view).toMatchObject({ status: 'synced', version: 3 });
    expect(ws.state().contacts).toEqual([
      expect.objectContaining({
        firstName: 'Augusta',
        lastName: 'Lovelace',
        email: 'ada@example.com',
        city: 'London',
        companyName: 'Engines',
        tags: ['member'],
      }),
    ]);

    const stale = await put(server(), ws, 'cust_1', { version: 2, firstName: 'Old' }, 200);
    expect(stale).toMatchObject({ outcome: 'stale', version: 3 });
    await quietly();
    expect(ws.state().contacts[0]?.firstName).toBe('Augusta');
  });

  it('writes a version that arrives while the job of the one before is running', async () => {
    const ws = await connectedWorkspace(server());
    // The first job's tag call waits: the version after it comes while the job is running.
    server().emulator.control.addFault({
      match: { method: 'POST', path: '/contacts/{contactId}/tags', locationId: ws.locationId },
      latencyMs: 1500,
      count: 1,
    });
    await put(server(), ws, 'cust_1', { version: 1, ...ada });
    await waitFor(() => highLevelCalls(server(), ws.locationId).includes('POST /contacts/upsert'), {
      what: 'the first write under way',
    });
    await put(server(), ws, 'cust_1', { version: 2, firstName: 'Augusta' });
    expect((await appCall(server(), ws, 'GET', 'cust_1')).body).toMatchObject({
      version: 2,
      status: 'pending',
    });
    const view = await settled(server(), ws, 'cust_1');
    expect(view).toMatchObject({ version: 2, status: 'synced' });
    expect(ws.state().contacts).toEqual([
      expect.objectContaining({ firstName: 'Augusta', email: 'ada@example.com' }),
    ]);
  });

  it("keeps staff's own tag and removes only the managed tag the app dropped", async () => {
    const ws = await connectedWorkspace(server());
    await put(server(), ws, 'cust_1', { version: 1, ...ada, tags: ['member', 'gold'] });
    const { contactId } = await settled(server(), ws, 'cust_1');
    await ws.hl.contacts.addTags(contactId!, ['staff-pick']);

    await put(server(), ws, 'cust_1', { version: 2, tags: ['member', 'platinum'] });
    await settled(server(), ws, 'cust_1');
    expect([...ws.state().contacts[0]!.tags].sort()).toEqual(['member', 'platinum', 'staff-pick']);

    // A version without `tags` leaves them as they are.
    await put(server(), ws, 'cust_1', { version: 3, firstName: 'Ada' });
    await settled(server(), ws, 'cust_1');
    expect([...ws.state().contacts[0]!.tags].sort()).toEqual(['member', 'platinum', 'staff-pick']);
    const tagCalls = highLevelCalls(server(), ws.locationId).filter((call) =>
      call.includes('tags'),
    );
    expect(tagCalls).toEqual([
      'POST /contacts/{contactId}/tags',
      'POST /contacts/{contactId}/tags',
      'POST /contacts/{contactId}/tags',
      'DELETE /contacts/{contactId}/tags',
    ]);
  });

  it('matches a contact HighLevel has with the same email instead of making a second', async () => {
    const ws = await connectedWorkspace(server());
    const existing = await ws.hl.contacts.create({
      locationId: ws.locationId,
      firstName: 'Grace',
      email: 'grace@example.com',
    });
    await put(server(), ws, 'cust_9', {
      version: 1,
      email: 'Grace@Example.com',
      lastName: 'Hopper',
    });
    const view = await settled(server(), ws, 'cust_9');
    expect(view.contactId).toBe(existing.id);
    expect(ws.state().contacts).toEqual([
      expect.objectContaining({ firstName: 'Grace', lastName: 'Hopper' }),
    ]);
  });

  it("reads a national phone in the workspace's country, and writes the contact without one it cannot read", async () => {
    const ws = await connectedWorkspace(server());
    await server().call('PATCH', `/v1/workspaces/${ws.id}`, { json: { defaultCountry: 'US' } });
    await put(server(), ws, 'cust_1', {
      version: 1,
      email: 'ada@example.com',
      phone: '(415) 555-0132',
    });
    await settled(server(), ws, 'cust_1');
    expect(ws.state().contacts[0]?.phone).toBe('+14155550132');

    const accepted = await put(server(), ws, 'cust_2', {
      version: 1,
      email: 'grace@example.com',
      phone: '555',
    });
    expect(accepted.problems).toEqual([
      expect.objectContaining({ field: 'phone', code: 'unreadable_phone', value: '555' }),
    ]);
    const view = await settled(server(), ws, 'cust_2');
    expect(view.status).toBe('synced');
    expect(ws.state().contacts.find((c) => c.id === view.contactId)?.phone).toBeFalsy();
  });

  it('answers a body it cannot take with the fields at fault, never a 5xx', async () => {
    const ws = await connectedWorkspace(server());
    const cases: [unknown, string[]][] = [
      [{}, ['version']],
      [{ version: 0, email: 'ada@example.com' }, ['version']],
      [{ version: 1.5, email: 'ada@example.com' }, ['version']],
      [{ version: 1, email: 'not-an-email' }, ['email']],
      [{ version: 1, email: 'ada@example.com', nickname: 'A' }, ['(body)']],
      [{ version: 1, email: 'ada@example.com', dateOfBirth: '1815-13-45' }, ['dateOfBirth']],
      [{ version: 1, email: 'ada@example.com', tags: ['ok', ''] }, ['tags.1']],
      [{ version: 1, email: 'ada@example.com', updatedAt: 'yesterday' }, ['updatedAt']],
      [{ version: 1, email: 'ada@example.com', country: 'England' }, ['country']],
      // HighLevel finds a new contact by its email or phone: one of them is needed.
      [{ version: 1, firstName: 'Ada' }, ['email']],
      [{ version: 1, phone: '555' }, ['phone']],
    ];
    for (const [body, paths] of cases) {
      const res = await appCall(server(), ws, 'PUT', 'cust_bad', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const error = res.body.error as { code: string; details: { fields: { path: string }[] } };
      expect(error.code).toBe('validation_failed');
      expect(error.details.fields.map((field) => field.path)).toEqual(paths);
    }
    const missing = await appCall(server(), ws, 'GET', 'cust_bad');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'contact_not_found' });
  });
});
