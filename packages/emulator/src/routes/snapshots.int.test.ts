/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
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

describe('GET /snapshots/', () => {
  it("lists the agency's snapshots made by hand", async () => {
    const { asAgency, emulator, companyId } = await agency();
    expect((await asAgency('GET', `/snapshots/?companyId=${companyId}`)).body).toEqual({
      snapshots: [],
    });
    const own = emulator.control.createSnapshot(companyId, { name: 'Salon starter' });
    emulator.control.createSnapshot(companyId, { name: 'Shared', type: 'imported' });
    const res = await asAgency('GET', `/snapshots/?companyId=${companyId}`);
    expect(res.status).toBe(200);
    expect(res.body.snapshots).toEqual([
      { id: own.id, name: 'Salon starter', type: 'own' },
      expect.objectContaining({ name: 'Shared', type: 'imported' }),
    ]);
    expect((await asAgency('GET', '/snapshots/')).status).toBe(422);
  });
});
