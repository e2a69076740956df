/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

async function contactAndCampaigns() {
  const s = setup();
  const contact = await s.api('POST', '/contacts/', {
    body: { locationId: s.locationId, email: 'ada@example.com' },
  });
  const spring = s.emulator.control.createCampaign(s.locationId, { name: 'Spring' });
  const autumn = s.emulator.control.createCampaign(s.locationId, { name: 'Autumn' });
  const memberships = () =>
    s.emulator.control
      .locationState(s.locationId)
      .contactCampaigns.map((m) => [m.contactId, m.campaignId]);
  return { ...s, contactId: contact.body.contact.id as string, spring, autumn, memberships };
}

describe('/contacts/{contactId}/campaigns', () => {
  it('adds a contact to a campaign once (201), removes it from one (200)', async () => {
    const { api, contactId, spring, autumn, memberships } = await contactAndCampaigns();
    const added = await api('POST', `/contacts/${contactId}/campaigns/${spring.id}`, { body: {} });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ succeded: true });
    await api('POST', `/contacts/${contactId}/campaigns/${spring.id}`, { body: {} });
    await api('POST', `/contacts/${contactId}/campaigns/${autumn.id}`, { body: {} });
    expect(memberships()).toEqual([
      [contactId, spring.id],
      [contactId, autumn.id],
    ]);
    const removed = await api('DELETE', `/contacts/${contactId}/campaigns/${spring.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ succeded: true });
    expect(memberships()).toEqual([[contactId, autumn.id]]);
  });

  it('removes a contact from every campaign, and not other contacts', async () => {
    const { api, locationId, contactId, spring, autumn, memberships } = await contactAndCampaigns();
    const other = await api('POST', '/contacts/', {
      body: { locationId, email: 'bo@example.com' },
    });
    const otherId = other.body.contact.id as string;
    for (const campaign of [spring, autumn]) {
      await api('POST', `/contacts/${contactId}/campaigns/${campaign.id}`, { body: {} });
    }
    await api('POST', `/contacts/${otherId}/campaigns/${spring.id}`, { body: {} });
    const res = await api('DELETE', `/contacts/${contactId}/campaigns/removeAll`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ succeded: true });
    expect(memberships()).toEqual([[otherId, spring.id]]);
  });

  it('forgets a deleted contact’s campaigns', async () => {
    const { api, contactId, spring, memberships } = await contactAndCampaigns();
    await api('POST', `/contacts/${contactId}/campaigns/${spring.id}`, { body: {} });
    await api('DELETE', `/contacts/${contactId}`);
    expect(memberships()).toEqual([]);
  });

  it('400s an unknown campaign, 403s another Location’s, 422s a body property', async () => {
    const { api, emulator, contactId, spring } = await contactAndCampaigns();
    const unknown = await api('POST', `/contacts/${contactId}/campaigns/NoSuchCampaign000001`, {
      body: {},
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Campaign not found for id:NoSuchCampaign000001');
    const elsewhere = emulator.control.createLocation({ name: 'Elsewhere' });
    const theirs = emulator.control.createCampaign(elsewhere.locationId);
    const other = await api('POST', `/contacts/${contactId}/campaigns/${theirs.id}`, { body: {} });
    expect(other.status).toBe(403);
    const stray = await api('POST', `/contacts/${contactId}/campaigns/${spring.id}`, {
      body: { status: 'active' },
    });
    expect(stray.status).toBe(422);
    expect(stray.body.message).toEqual(['property status should not exist']);
  });
});
