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

describe('GET /companies/{companyId}', () => {
  it("answers the token's agency; another is a 403; a Location token a 401", async () => {
    const { asAgency, api, companyId } = await agency();
    const res = await asAgency('GET', `/companies/${companyId}`);
    expect(res.status).toBe(200);
    expect(res.body.company).toMatchObject({ id: companyId });
    expect((await asAgency('GET', '/companies/SomeOtherAgency00001')).status).toBe(403);
    expect((await api('GET', `/companies/${companyId}`)).status).toBe(401);
  });
});
