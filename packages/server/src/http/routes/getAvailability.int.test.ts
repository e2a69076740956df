import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';
import { NY, voiceWorkspace, weekdayAhead, type Result } from '../../../test/voice.js';

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
});
