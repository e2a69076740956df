/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';

describe('GET /campaigns/', () => {
  it('lists the Location’s campaigns, oldest first, or only those of a status', async () => {
    const { api, emulator, locationId } = setup();
    const spring = emulator.control.createCampaign(locationId, { name: 'Spring' });
    const made = await call(emulator, 'POST', `/_emulator/locations/${locationId}/campaigns`, {
      body: { name: 'Autumn', status: 'draft' },
    });
    expect(made.status).toBe(201);
    const res = await api('GET', `/campaigns/?locationId=${locationId}`);
    expect(res.status).toBe(200);
    expect(res.body.campaigns).toEqual([
      { id: spring.id, name: 'Spring', status: 'published', locationId },
      { id: made.body.id, name: 'Autumn', status: 'draft', locationId },
    ]);
    const drafts = await api('GET', `/campaigns/?locationId=${locationId}&status=draft`);
    expect(drafts.body.campaigns.map((c: { name: string }) => c.name)).toEqual(['Autumn']);
  });

  it('422s without locationId, 403s another Location', async () => {
    const { api, emulator } = setup();
    expect((await api('GET', '/campaigns/')).status).toBe(422);
    const other = emulator.control.createLocation({ name: 'Elsewhere' });
    const res = await api('GET', `/campaigns/?locationId=${other.locationId}`);
    expect(res.status).toBe(403);
  });
});
