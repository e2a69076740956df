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
      defaultCountry: null,
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

  it('keeps the stored secret, and a rotation in progress, when a save leaves it out', async () => {
    const { id } = await server().createWorkspace();
    const OLD = 'vapi-old-secret-0123456789-wxyz';
    const rotating = {
      ...settings,
      auth: {
        type: 'bearer',
        secret: SECRET,
        previousSecret: OLD,
        previousSecretExpiresAt: '2099-01-01T00:00:00Z',
      },
    };
    expect((await server().call('PUT', path(id), { json: rotating })).status).toBe(200);
    const changed = await server().call('PUT', path(id), {
      json: { ...settings, rules: { bufferAfterMinutes: 30 }, auth: { type: 'bearer' } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      rules: { bufferAfterMinutes: 30 },
      auth: { type: 'bearer', secret: '••••abcd', previousSecret: '••••wxyz' },
    });
    // Vapi's requests still authenticate with both secrets.
    const status = { message: { type: 'status-update', status: 'in-progress' } };
    for (const token of [SECRET, OLD]) {
      const res = await server().call('POST', `${path(id)}/vapi`, { json: status, token });
      expect(res.status).toBe(200);
    }
    const wrong = await server().call('POST', `${path(id)}/vapi`, {
      json: status,
      token: 'not-the-secret-0123456789',
    });
    expect(wrong.status).toBe(401);
  });

  it('asks for the secret when none is stored yet', async () => {
    const { id } = await server().createWorkspace();
    const res = await server().call('PUT', path(id), {
      json: { ...settings, auth: { type: 'bearer' } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.details?.fields).toEqual([
      { path: 'auth.secret', message: 'expected the secret: none is stored yet' },
    ]);
  });
});
