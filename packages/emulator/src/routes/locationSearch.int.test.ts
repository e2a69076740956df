import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';
import { installedApp } from '../../test/oauth.js';

async function agency() {
  const s = setup({}, { name: 'Downtown' });
  const uptown = s.emulator.control.createLocation({ name: 'Uptown', companyId: s.companyId });
  const app = await installedApp(s.emulator, { companyId: s.companyId });
  const asAgency = (method: string, path: string) =>
    call(s.emulator, method, path, { token: app.accessToken });
  return { ...s, uptown, asAgency };
}

const names = (res: { body: { locations: { name: string }[] } }) =>
  res.body.locations.map((l) => l.name);

describe('GET /locations/search', () => {
  it("with an agency token: the agency's Locations, ordered and paged", async () => {
    const { asAgency, companyId } = await agency();
    const all = await asAgency('GET', `/locations/search?companyId=${companyId}`);
    expect(all.status).toBe(200);
    expect(names(all)).toEqual(['Downtown', 'Uptown']);
    expect(names(await asAgency('GET', '/locations/search?order=desc&limit=1'))).toEqual([
      'Uptown',
    ]);
    const other = await asAgency('GET', '/locations/search?companyId=SomeOtherAgency00001');
    expect(other.status).toBe(403);
  });

  it('with a Location token: only its own Location, renamed when staff rename it', async () => {
    const { api, emulator, locationId } = await agency();
    expect(names(await api('GET', '/locations/search'))).toEqual(['Downtown']);
    emulator.control.updateLocation(locationId, { name: 'Downtown Salon' });
    expect(names(await api('GET', '/locations/search'))).toEqual(['Downtown Salon']);
  });
});
