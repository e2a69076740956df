import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';
import { voiceWorkspace, weekdayAhead, type Result } from '../../../test/voice.js';

describeOnBackends('PATCH|DELETE /v1/workspaces/:ws/appointments/:id', (server) => {
  it('moves an appointment to a free slot (twice is the same) and cancels it', async () => {
    const voice = await voiceWorkspace(server());
    const base = `/v1/workspaces/${voice.ws}`;
    const offered = await server().call('GET', `${base}/availability?date=${weekdayAhead(4)}`);
    const [first, second] = (offered.body as unknown as Result).slots!;
    const booked = await server().call('POST', `${base}/appointments`, {
      json: { slotId: first!.id, name: 'Ada Lovelace', email: 'ada@example.com' },
      headers: { 'idempotency-key': 'move-me' },
    });
    const id = (booked.body as unknown as Result).appointmentId!;
    const appointment = () =>
      server()
        .emulator.control.locationState(voice.locationId)
        .appointments.find((a) => a.id === id)!;

    for (let i = 0; i < 2; i++) {
      const moved = await server().call('PATCH', `${base}/appointments/${id}`, {
        json: { slotId: second!.id },
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ status: 'rescheduled', appointmentId: id });
    }
    expect(new Date(appointment().startTime).getTime()).toBe(Date.parse(second!.start));

    for (let i = 0; i < 2; i++) {
      const cancelled = await server().call('DELETE', `${base}/appointments/${id}`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', appointmentId: id });
    }
    expect(appointment().appointmentStatus).toBe('cancelled');
  });

  it('answers 404 for an appointment HighLevel does not have', async () => {
    const voice = await voiceWorkspace(server());
    const res = await server().call('DELETE', `/v1/workspaces/${voice.ws}/appointments/nope`);
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('appointment_not_found');
  });

  it('answers 404 for an appointment of another Location, whatever its id', async () => {
    const voice = await voiceWorkspace(server());
    const other = await voiceWorkspace(server());
    const offered = await server().call(
      'GET',
      `/v1/workspaces/${other.ws}/availability?date=${weekdayAhead(4)}`,
    );
    const [slot, later] = (offered.body as unknown as Result).slots!;
    const booked = await server().call('POST', `/v1/workspaces/${other.ws}/appointments`, {
      json: { slotId: slot!.id, name: 'Ada Lovelace', email: 'ada@example.com' },
      headers: { 'idempotency-key': 'not-yours' },
    });
    const theirs = (booked.body as unknown as Result).appointmentId!;
    const base = `/v1/workspaces/${voice.ws}/appointments`;
    for (const id of [theirs, '__proto__', 'constructor']) {
      const moved = await server().call('PATCH', `${base}/${id}`, {
        json: { startTime: later!.start },
      });
      expect(moved.status, `PATCH ${id}`).toBe(404);
      expect(moved.body.error?.code).toBe('appointment_not_found');
      const cancelled = await server().call('DELETE', `${base}/${id}`);
      expect(cancelled.status, `DELETE ${id}`).toBe(404);
      expect(cancelled.body.error?.code).toBe('appointment_not_found');
    }
    const state = server().emulator.control.locationState(other.locationId);
    expect(state.appointments.find((a) => a.id === theirs)?.appointmentStatus).not.toBe(
      'cancelled',
    );
  });
});
