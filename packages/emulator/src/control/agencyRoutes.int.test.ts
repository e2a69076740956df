/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   control bodies are loose JSON. */
import { describe, expect, it } from 'vitest';
import { call } from '../../test/harness.js';
import { createEmulator } from '../index.js';

const control = (
  emulator: ReturnType<typeof createEmulator>,
  method: string,
  path: string,
  body?: unknown,
) => call(emulator, method, `/_emulator${path}`, body === undefined ? {} : { body });

describe('snapshots and Location edits over the control API', () => {
  it("saves an agency's snapshot and refuses an unknown agency or type", async () => {
    const emulator = createEmulator();
    const { companyId } = emulator.control.createLocation();
    const made = await control(emulator, 'POST', `/companies/${companyId}/snapshots`, {
      name: 'Salon starter',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ companyId, name: 'Salon starter', type: 'own' });
    const unknown = await control(emulator, 'POST', '/companies/Nobody/snapshots', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('company_not_found');
    const badType = await control(emulator, 'POST', `/companies/${companyId}/snapshots`, {
      type: 'borrowed',
    });
    expect(badType.status).toBe(422);
  });

  it('renames a Location and moves its time zone; an unknown zone is a 422', async () => {
    const emulator = createEmulator();
    const { locationId } = emulator.control.createLocation({ name: 'Downtown' });
    const res = await control(emulator, 'PATCH', `/locations/${locationId}`, {
      name: 'Downtown Salon',
      timezone: 'America/Chicago',
    });
    expect(res.status).toBe(200);
    expect(emulator.control.locationState(locationId).location).toMatchObject({
      name: 'Downtown Salon',
      timezone: 'America/Chicago',
    });
    const bad = await control(emulator, 'PATCH', `/locations/${locationId}`, {
      timezone: 'Mars/Base',
    });
    expect(bad.status).toBe(422);
  });
});
