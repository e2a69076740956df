/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';

describe('GET /workflows/', () => {
  it('lists the Location’s workflows, drafts too, oldest first', async () => {
    const { api, emulator, locationId } = setup();
    const welcome = emulator.control.createWorkflow(locationId, { name: 'Welcome' });
    const made = await call(emulator, 'POST', `/_emulator/locations/${locationId}/workflows`, {
      body: { name: 'Win back', status: 'draft' },
    });
    expect(made.status).toBe(201);
    emulator.control.createWorkflow(emulator.control.createLocation({}).locationId);
    const res = await api('GET', `/workflows/?locationId=${locationId}`);
    expect(res.status).toBe(200);
    expect(res.body.workflows).toEqual([
      {
        id: welcome.id,
        name: 'Welcome',
        status: 'published',
        version: 1,
        createdAt: welcome.createdAt,
        updatedAt: welcome.updatedAt,
        locationId,
      },
      expect.objectContaining({ id: made.body.id, name: 'Win back', status: 'draft' }),
    ]);
    expect(welcome.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('422s without locationId; the control API 422s an unknown status', async () => {
    const { api, emulator, locationId } = setup();
    const res = await api('GET', '/workflows/');
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual(['locationId should not be empty']);
    const bad = await call(emulator, 'POST', `/_emulator/locations/${locationId}/workflows`, {
      body: { status: 'paused' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('invalid_status');
  });
});
