/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';
import { installedApp } from '../../test/oauth.js';

describe('POST /locations/', () => {
  it("makes a sub-account of the token's agency; another agency's is a 403, a Location token a 401", async () => {
    const s = setup({}, { name: 'Downtown' });
    const app = await installedApp(s.emulator, { companyId: s.companyId });
    const create = (body: unknown) =>
      call(s.emulator, 'POST', '/locations/', { token: app.accessToken, body });

    const res = await create({
      name: 'Spa Uptown',
      companyId: s.companyId,
      timezone: 'Europe/London',
      country: 'GB',
      city: 'London',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Spa Uptown', companyId: s.companyId, city: 'London' });
    expect(s.emulator.control.locationState(res.body.id as string).location).toMatchObject({
      name: 'Spa Uptown',
      timezone: 'Europe/London',
      country: 'GB',
    });

    expect((await create({ name: 'Elsewhere', companyId: 'SomeOtherAgency00001' })).status).toBe(
      403,
    );
    expect((await create({ companyId: s.companyId })).status).toBe(422);
    expect(
      (await s.api('POST', '/locations/', { body: { name: 'X', companyId: s.companyId } })).status,
    ).toBe(401);
  });
});
