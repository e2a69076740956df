import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';

const path = (ws: string) => `/v1/workspaces/${ws}/voice`;
const SECRET = 'vapi-secret-0123456789-abcd';

const settings = {
  calendarId: 'cal_123',
  timezone: 'America/New_York',
  rules: { bufferAfterMinutes: 15, minLeadMinutes: 120, blackoutDates: ['2026-12-25'] },
  slotsToOffer: 3,
  auth: { type: 'bearer', secret: SECRET },
};

describeOnBackends('PUT|GET /v1/workspaces/:ws/voice', (server) => {
  it('stores the settings with defaults and shows them with the secret masked', async () => {
    const { id, apiKey } = await server().createWorkspace();
    const put = await server().call('PUT', path(id), { json: settings, token: apiKey });
    expect(put.status).toBe(200);
    expect(put.text).not.toContain(SECRET);
    const get = await server().call('GET', path(id), { token: apiKey });
    expect(get.status).toBe(200);
    expect(get.text).not.toContain(SECRET);
    expect(get.body).toEqual(put.body);
    expect(get.body).toMatchObject({
      calendarId: 'cal_123',
      defaultCountry: 'US',
      rules: {
        bufferAfterMinutes: 15,
        minLeadMinutes: 120,
        workingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
      },
      auth: { type: 'bearer', secret: '••••abcd' },
    });
  });

  it('refuses wrong settings with every wrong field named, and keeps the old ones', async () => {
    const { id } = await server().createWorkspace();
    await server().call('PUT', path(id), { json: settings });
    const res = await server().call('PUT', path(id), {
      json: { ...settings, timezone: 'Mars/Olympus', auth: { type: 'bearer', secret: 'short' } },
    });
    expect(res.status).toBe(422);
    const fields = res.body.error?.details?.fields?.map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['timezone', 'auth.secret']));
    const get = await server().call('GET', path(id));
    expect(get.body).toMatchObject({ timezone: 'America/New_York' });
  });

  it('answers 404 before any settings are stored', async () => {
    const { id } = await server().createWorkspace();
    const res = await server().call('GET', path(id));
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('voice_not_configured');
  });
});
