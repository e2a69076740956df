/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

async function opportunity() {
  const s = setup();
  const pipeline = s.emulator.control.createPipeline(s.locationId, { stages: ['New'] });
  const contact = await s.api('POST', '/contacts/', {
    body: { locationId: s.locationId, email: 'ada@example.com' },
  });
  const created = await s.api('POST', '/opportunities/', {
    body: {
      locationId: s.locationId,
      pipelineId: pipeline.id,
      contactId: contact.body.contact.id,
      name: 'Wedding package',
      status: 'open',
    },
  });
  return { ...s, id: created.body.opportunity.id as string };
}

describe('/opportunities/{id}/followers', () => {
  it('adds followers (201), shown on the opportunity, and removes them (200)', async () => {
    const { api, id } = await opportunity();
    const added = await api('POST', `/opportunities/${id}/followers`, {
      body: { followers: ['u1', 'u2', 'u3'] },
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      followers: ['u1', 'u2', 'u3'],
      followersAdded: ['u1', 'u2', 'u3'],
    });
    expect((await api('GET', `/opportunities/${id}`)).body.opportunity.followers).toEqual([
      'u1',
      'u2',
      'u3',
    ]);
    const removed = await api('DELETE', `/opportunities/${id}/followers`, {
      body: { followers: ['u2'] },
    });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ followers: ['u1', 'u3'], followersRemoved: ['u2'] });
  });

  it('removes every follower with isRemoveAllFollowers=true', async () => {
    const { api, emulator, locationId, id } = await opportunity();
    await api('POST', `/opportunities/${id}/followers`, { body: { followers: ['u1', 'u2'] } });
    const res = await api('DELETE', `/opportunities/${id}/followers?isRemoveAllFollowers=true`, {
      body: { followers: [] },
    });
    expect(res.body).toEqual({ followers: [], followersRemoved: ['u1', 'u2'] });
    expect(emulator.control.locationState(locationId).opportunities[0]!.followers).toEqual([]);
  });

  it('400s an unknown opportunity, 422s a bad isRemoveAllFollowers', async () => {
    const { api, id } = await opportunity();
    const unknown = await api('POST', '/opportunities/nope/followers', { body: { followers: [] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Opportunity not found for id:nope');
    const bad = await api('DELETE', `/opportunities/${id}/followers?isRemoveAllFollowers=1`, {
      body: { followers: [] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toEqual(['isRemoveAllFollowers must be a boolean value']);
  });
});
