import { expect, it } from 'vitest';
import { connectedWorkspace } from '../../../test/bookings.js';
import { describeOnBackends } from '../../../test/harness.js';

describeOnBackends('PATCH /v1/workspaces/:ws', (server) => {
  it('renames a workspace and sets its prefixes; null goes back to the server default', async () => {
    const { id } = await server().createWorkspace();
    const patched = await server().call('PATCH', `/v1/workspaces/${id}`, {
      json: { name: 'Salon North', bookingSync: { fieldPrefix: 'Salon –', tagPrefix: 'gb/' } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      id,
      name: 'Salon North',
      bookingSync: { fieldPrefix: 'Salon –', tagPrefix: 'gb/' },
    });

    const back = await server().call('PATCH', `/v1/workspaces/${id}`, {
      json: { bookingSync: { tagPrefix: null } },
    });
    expect(back.body).toMatchObject({
      name: 'Salon North',
      bookingSync: { fieldPrefix: 'Salon –', tagPrefix: null },
    });
    const read = await server().call('GET', `/v1/workspaces/${id}`);
    expect(read.body).toMatchObject({ bookingSync: { fieldPrefix: 'Salon –', tagPrefix: null } });
  });

  it('sets the default country for phones; null goes back to the Location’s', async () => {
    const { id } = await server().createWorkspace();
    const set = await server().call('PATCH', `/v1/workspaces/${id}`, {
      json: { defaultCountry: ' gb ' },
    });
    expect(set.status).toBe(200);
    expect(set.body.defaultCountry).toBe('GB');

    const unknown = await server().call('PATCH', `/v1/workspaces/${id}`, {
      json: { defaultCountry: 'England' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error?.details?.fields?.map((f) => f.path)).toEqual(['defaultCountry']);
    expect((await server().call('GET', `/v1/workspaces/${id}`)).body.defaultCountry).toBe('GB');

    const back = await server().call('PATCH', `/v1/workspaces/${id}`, {
      json: { defaultCountry: null },
    });
    expect(back.body.defaultCountry).toBeNull();
    // Only what was sent changes.
    expect(back.body.bookingSync).toEqual({ fieldPrefix: null, tagPrefix: null });
  });

  it('names each bad field instead of storing it', async () => {
    const { id } = await server().createWorkspace();
    const bad = await server().call('PATCH', `/v1/workspaces/${id}`, {
      json: { name: '', bookingSync: { tagPrefix: 'a,b', colour: 'red' } },
    });
    expect(bad.status).toBe(422);
    const paths = (bad.body.error?.details?.fields ?? []).map((f) => f.path).sort();
    expect(paths).toEqual(['bookingSync', 'bookingSync.tagPrefix', 'name']);
    const read = await server().call('GET', `/v1/workspaces/${id}`);
    expect(read.body).toMatchObject({ bookingSync: { fieldPrefix: null, tagPrefix: null } });
  });

  it('syncs each workspace under its own prefixes, and moves tags when they change', async () => {
    const salon = await connectedWorkspace(server());
    const spa = await connectedWorkspace(server());
    await server().call('PATCH', `/v1/workspaces/${salon.id}`, {
      json: { bookingSync: { fieldPrefix: 'Salon –', tagPrefix: 'gb/' } },
    });
    for (const ws of [salon, spa]) {
      expect((await ws.post({ id: 'bk_1' })).status).toBe(202);
      await ws.idle();
    }
    const salonState = salon.state();
    expect(salonState.customFields.map((f) => f.name)).toContain('Salon – Total Bookings');
    expect(salonState.customFields.map((f) => f.name)).not.toContain('Bookings – Total Bookings');
    expect(spa.state().customFields.map((f) => f.name)).toContain('Bookings – Total Bookings');
    expect(salonState.contacts[0]!.tags).toContain('gb/booking:confirmed');
    expect(spa.state().contacts[0]!.tags).toContain('booking:confirmed');

    // The user tags the contact by hand; then the salon drops its tag prefix.
    const contactId = salonState.contacts[0]!.id;
    await salon.hl.contacts.addTags(contactId, ['vip']);
    await server().call('PATCH', `/v1/workspaces/${salon.id}`, {
      json: { bookingSync: { tagPrefix: null } },
    });
    expect((await salon.post({ id: 'bk_2', startsAt: '2026-12-08T15:00:00-05:00' })).status).toBe(
      202,
    );
    await salon.idle();
    const tags = salon.state().contacts[0]!.tags;
    expect(tags).toContain('vip');
    expect(tags).toContain('booking:confirmed');
    expect(tags).toContain('repeat-client');
    expect(tags.filter((t) => t.startsWith('gb/'))).toEqual([]);
    // The fields keep their ids: still the ones provisioned under the salon's prefix.
    expect(
      salon.state().customFields.filter((f) => f.name.endsWith('Total Bookings')),
    ).toHaveLength(1);
  });
});
