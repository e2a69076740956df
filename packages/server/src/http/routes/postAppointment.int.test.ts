import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';
import { voiceWorkspace, weekdayAhead, type Result } from '../../../test/voice.js';

describeOnBackends('POST /v1/workspaces/:ws/appointments', (server) => {
  it('books once per Idempotency-Key, and refuses a taken slot with alternatives', async () => {
    const voice = await voiceWorkspace(server());
    const path = `/v1/workspaces/${voice.ws}/appointments`;
    const offered = await server().call(
      'GET',
      `/v1/workspaces/${voice.ws}/availability?date=${weekdayAhead(2)}`,
    );
    const slot = (offered.body as unknown as Result).slots![0]!;
    const json = { slotId: slot.id, name: 'Ada Lovelace', email: 'ada@example.com' };
    const first = await server().call('POST', path, { json, headers: { 'idempotency-key': 'k1' } });
    const again = await server().call('POST', path, { json, headers: { 'idempotency-key': 'k1' } });
    expect([first.status, again.status]).toEqual([201, 201]);
    const booked = first.body as unknown as Result;
    expect(booked).toMatchObject({ status: 'booked', start: slot.start });
    expect((again.body as unknown as Result).appointmentId).toBe(booked.appointmentId);
    const state = server().emulator.control.locationState(voice.locationId);
    expect(state.appointments.map((a) => a.id)).toEqual([booked.appointmentId]);

    const other = await server().call('POST', path, {
      json: { ...json, name: 'Grace Hopper', email: 'grace@example.com' },
      headers: { 'idempotency-key': 'k2' },
    });
    expect(other.status).toBe(409);
    expect(other.body.error?.code).toBe('slot_unavailable');
    expect(JSON.stringify(other.body.error?.details)).toContain('alternatives');
  });

  it('asks for an Idempotency-Key and for what is missing', async () => {
    const voice = await voiceWorkspace(server());
    const path = `/v1/workspaces/${voice.ws}/appointments`;
    const noKey = await server().call('POST', path, { json: { name: 'Ada' } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error?.code).toBe('idempotency_key_required');
    const missing = await server().call('POST', path, {
      json: { name: 'Ada' },
      headers: { 'idempotency-key': 'k3' },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error?.message).toContain('slotId or startTime');
  });
});
