/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

describe('GET /locations/{locationId}', () => {
  it('returns the Location with its duplicate setting', async () => {
    const { api, locationId, companyId } = setup(
      {},
      { name: 'Salon', timezone: 'Europe/London', allowDuplicateContact: true },
    );
    const res = await api('GET', `/locations/${locationId}`);
    expect(res.status).toBe(200);
    expect(res.body.location).toMatchObject({
      id: locationId,
      companyId,
      name: 'Salon',
      timezone: 'Europe/London',
      settings: { allowDuplicateContact: true },
    });
  });
});
