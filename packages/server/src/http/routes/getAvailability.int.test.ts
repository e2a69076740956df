import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';
import { NY, voiceWorkspace, weekdayAhead, type Result } from '../../../test/voice.js';

const FREE_SLOTS = '/calendars/{calendarId}/free-slots';

describeOnBackends('GET /v1/workspaces/:ws/availability', (server) => {
  it('answers like check_availability: slots within the rules, labelled in the timezone', async () => {
    const voice = await voiceWorkspace(server(), {
      workingHours: [{ days: ['wed'], start: '13:00', end: '15:00' }],
    });
    const date = weekdayAhead(3);
    const res = await server().call(
      'GET',
      `/v1/workspaces/${voice.ws}/availability?date=${date}&timezone=Europe/London`,
    );
    expect(res.status).toBe(200);
    const body = res.body as unknown as Result;
    expect(body.status).toBe('ok');
    for (const slot of body.slots!) {
      const hour = DateTime.fromISO(slot.start, { setZone: true }).setZone(NY).hour;
      expect([13, 14]).toContain(hour);
      // 1–3 PM in New York is 6–8 PM in London (5–7 PM in the weeks the clocks differ).
      expect(slot.label).toMatch(/^Wednesday, \w+ \d+(, \d{4})? at \d(:30)? PM$/);
    }
  });

  it('names a malformed date instead of guessing', async () => {
    const voice = await voiceWorkspace(server());
    const res = await server().call('GET', `/v1/workspaces/${voice.ws}/availability?date=tomorrow`);
    expect(res.status).toBe(422);
    expect(res.body.error?.details?.fields?.[0]?.path).toBe('date');
  });

  it("refuses a window past the rules' horizon before asking HighLevel anything", async () => {
    const voice = await voiceWorkspace(server());
    const { control } = server().emulator;
    const before = control.requests({ locationId: voice.locationId }).length;
    const res = await server().call(
      'GET',
      `/v1/workspaces/${voice.ws}/availability?from=${weekdayAhead(3)}&to=9999-12-31`,
    );
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('validation_failed');
    expect(res.body.error?.details?.fields?.[0]?.path).toBe('to');
    expect(control.requests({ locationId: voice.locationId }).length).toBe(before);
  });

  it('reads a 60-day window in 31-day pieces', async () => {
    const voice = await voiceWorkspace(server(), { maxDaysAhead: 60 });
    const { control } = server().emulator;
    const today = DateTime.now().setZone(NY);
    const [from, to] = [today, today.plus({ days: 59 })].map((d) => d.toISODate()!);
    const res = await server().call(
      'GET',
      `/v1/workspaces/${voice.ws}/availability?from=${from}&to=${to}`,
    );
    expect(res.status).toBe(200);
    const freeSlotReads = control
      .requests({ locationId: voice.locationId })
      .filter((r) => r.operation === FREE_SLOTS);
    expect(freeSlotReads.length).toBeGreaterThan(0);
    expect(freeSlotReads.length).toBeLessThanOrEqual(Math.ceil(60 / 31));
  });

  it('answers 404 for a calendar HighLevel does not know or that belongs to another Location', async () => {
    const voice = await voiceWorkspace(server());
    const other = await voiceWorkspace(server());
    for (const calendarId of ['nope', other.calendarId, '__proto__']) {
      const res = await server().call(
        'GET',
        `/v1/workspaces/${voice.ws}/availability?date=${weekdayAhead(3)}&calendarId=${calendarId}`,
      );
      expect(res.status, calendarId).toBe(404);
      expect(res.body.error?.code).toBe('calendar_not_found');
    }
  });
});
