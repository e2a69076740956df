/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { manualClock } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';

const ids = (list: unknown) => (list as { id: string }[]).map((c) => c.id);

async function withBusinessAndContacts() {
  // Ada is added a second before Bob: "oldest first" has one answer (on a tie, the random ids
  // decide, as HighLevel's search does).
  const clock = manualClock(Date.parse('2026-03-02T13:00:00Z'));
  const s = setup({ clock });
  const business = await s.api('POST', '/businesses/', {
    body: { locationId: s.locationId, name: 'Acme Dental' },
  });
  const contact = async (firstName: string) => {
    await clock.advance(1000);
    return (
      await s.api('POST', '/contacts/', {
        body: { locationId: s.locationId, firstName, email: `${firstName}@example.com` },
      })
    ).body.contact.id as string;
  };
  return {
    ...s,
    businessId: business.body.buiseness.id as string,
    ada: await contact('ada'),
    bob: await contact('bob'),
  };
}

describe('POST /contacts/bulk/business', () => {
  it('links contacts to the business, and unlinks them with a null businessId', async () => {
    const { api, emulator, locationId, businessId, ada, bob } = await withBusinessAndContacts();
    const linked = await api('POST', '/contacts/bulk/business', {
      body: { locationId, ids: [ada, bob, 'NoSuchContact0000001'], businessId },
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toEqual({ success: true, ids: [ada, bob] });
    const stored = () => emulator.control.locationState(locationId).contacts;
    expect(stored().map((c) => c.businessId)).toEqual([businessId, businessId]);
    expect((await api('GET', `/contacts/${ada}`)).body.contact.businessId).toBe(businessId);

    const unlinked = await api('POST', '/contacts/bulk/business', {
      body: { locationId, ids: [ada], businessId: null },
    });
    expect(unlinked.body.ids).toEqual([ada]);
    expect(stored().find((c) => c.id === ada)?.businessId).toBeUndefined();
  });

  it('refuses an unknown business, a missing businessId and a stray property', async () => {
    const { api, locationId, ada } = await withBusinessAndContacts();
    const unknown = await api('POST', '/contacts/bulk/business', {
      body: { locationId, ids: [ada], businessId: 'NoSuchBusiness000001' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Business not found for id:NoSuchBusiness000001');
    const missing = await api('POST', '/contacts/bulk/business', {
      body: { locationId, ids: [ada] },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.message).toContain('businessId should not be empty');
    const stray = await api('POST', '/contacts/bulk/business', {
      body: { locationId, ids: [ada], businessId: null, tags: ['x'] },
    });
    expect(stray.body.message).toContain('property tags should not exist');
  });

  it("leaves another Location's contacts alone", async () => {
    const { api, emulator, locationId, businessId } = await withBusinessAndContacts();
    const other = emulator.control.createLocation();
    const theirs = await call(emulator, 'POST', '/contacts/', {
      token: other.token,
      body: { locationId: other.locationId, email: 'kim@example.com' },
    });
    const res = await api('POST', '/contacts/bulk/business', {
      body: { locationId, ids: [theirs.body.contact.id], businessId },
    });
    expect(res.body.ids).toEqual([]);
    expect(emulator.control.locationState(other.locationId).contacts[0]?.businessId).toBe(
      undefined,
    );
  });
});

describe('GET /contacts/business/{businessId}', () => {
  it("lists the business's contacts, oldest first, by query, skip and limit", async () => {
    const { api, locationId, businessId, ada, bob } = await withBusinessAndContacts();
    const path = `/contacts/business/${businessId}?locationId=${locationId}`;
    expect((await api('GET', path)).body).toEqual({ contacts: [], count: 0 });
    await api('POST', '/contacts/bulk/business', {
      body: { locationId, ids: [ada, bob], businessId },
    });
    const all = await api('GET', path);
    expect(all.status).toBe(200);
    expect(ids(all.body.contacts)).toEqual([ada, bob]);
    expect(all.body.count).toBe(2);
    const bobs = await api('GET', `${path}&query=bob`);
    expect(ids(bobs.body.contacts)).toEqual([bob]);
    const second = await api('GET', `${path}&skip=1&limit=1`);
    expect(ids(second.body.contacts)).toEqual([bob]);
    expect(second.body.count).toBe(2);
  });

  it('needs locationId and a business of the Location', async () => {
    const { api, locationId, businessId } = await withBusinessAndContacts();
    expect((await api('GET', `/contacts/business/${businessId}`)).status).toBe(422);
    const unknown = await api('GET', `/contacts/business/Nope?locationId=${locationId}`);
    expect(unknown.status).toBe(400);
  });
});
