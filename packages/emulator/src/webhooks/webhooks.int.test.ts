/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { manualClock, type ManualClock } from '@ghl-bridge/client';
import { verifyWebhook, WebhookVerificationError } from '@ghl-bridge/client/webhooks';
import { describe, expect, it, vi } from 'vitest';
import { call, setup } from '../../test/harness.js';
import { installedApp } from '../../test/oauth.js';
import { webhookReceiver } from '../../test/webhookReceiver.js';
import type { DeliveryLogEntry, Emulator } from '../index.js';

const T0 = Date.parse('2026-06-01T12:00:00Z');
const APP_HOOKS = 'https://app.example/hooks';

function withReceiver(statuses: number[] = [], clock: ManualClock = manualClock(T0)) {
  const receiver = webhookReceiver(statuses);
  const s = setup({ clock, webhooks: { fetch: receiver.fetch } });
  return { ...s, clock, receiver };
}

/** The public keys as a receiver would fetch them: `GET /_emulator/keys`. */
async function publicKeys(emulator: Emulator) {
  const res = await call(emulator, 'GET', '/_emulator/keys');
  return res.body as { ed25519: string; rsa: string };
}

describe('webhooks to an installed app', () => {
  it('delivers INSTALL and the Location’s events, signed with the keys at /_emulator/keys', async () => {
    const { emulator, locationId, companyId, clock, receiver } = withReceiver();
    const app = await installedApp(
      emulator,
      { locationId },
      { webhookUrl: APP_HOOKS, scopes: ['contacts.readonly', 'contacts.write'] },
    );
    const created = await call(emulator, 'POST', '/contacts/', {
      token: app.accessToken,
      body: { locationId, email: 'ada@example.com', firstName: 'Ada' },
    });
    const contactId = created.body.contact.id as string;
    await call(emulator, 'POST', `/contacts/${contactId}/notes`, {
      token: app.accessToken,
      body: { body: 'Prefers mornings' },
    });
    await emulator.control.webhooksIdle();

    expect(receiver.received.every((r) => r.url === APP_HOOKS)).toBe(true);
    const keys = await publicKeys(emulator);
    expect(keys.ed25519).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const events = await receiver.verified(keys, clock.now());
    expect(events.map((e) => e.type)).toEqual(['INSTALL', 'ContactCreate', 'NoteCreate']);
    expect(events[0]).toMatchObject({ appId: app.appId, locationId, companyId });
    expect(events[1]).toMatchObject({ locationId, id: contactId, email: 'ada@example.com' });
    expect(events[2]).toMatchObject({ contactId, body: 'Prefers mornings', locationId });
    expect(new Set(events.map((e) => e.webhookId)).size).toBe(3);
    expect(events[1]!.timestamp).toBe(new Date(T0).toISOString());
  });

  it('signs the exact bytes sent: a changed body, or HighLevel’s own keys, do not verify', async () => {
    const { emulator, locationId, clock, receiver } = withReceiver();
    await installedApp(emulator, { locationId }, { webhookUrl: APP_HOOKS });
    await emulator.control.webhooksIdle();
    const [delivery] = receiver.received;
    const now = () => clock.now();
    const keys = await publicKeys(emulator);
    await expect(
      verifyWebhook({
        rawBody: delivery!.rawBody,
        headers: delivery!.headers,
        publicKeys: keys,
        now,
      }),
    ).resolves.toMatchObject({ type: 'INSTALL' });
    await expect(
      verifyWebhook({
        rawBody: `${delivery!.rawBody} `,
        headers: delivery!.headers,
        publicKeys: keys,
        now,
      }),
    ).rejects.toThrow(WebhookVerificationError);
    await expect(
      verifyWebhook({ rawBody: delivery!.rawBody, headers: delivery!.headers, now }),
    ).rejects.toThrow(WebhookVerificationError);
  });

  it('sends only events the app’s scopes and event list allow, from Locations it is on', async () => {
    const { emulator, locationId, token, receiver } = withReceiver();
    const other = emulator.control.createLocation({ name: 'Elsewhere' });
    await installedApp(
      emulator,
      { locationId },
      { webhookUrl: APP_HOOKS, scopes: ['opportunities.readonly'], events: ['OpportunityCreate'] },
    );
    await emulator.control.webhooksIdle();
    receiver.received.length = 0;
    await call(emulator, 'POST', '/contacts/', {
      token,
      body: { locationId, email: 'no-scope@example.com' },
    });
    await call(emulator, 'POST', '/contacts/', {
      token: other.token,
      body: { locationId: other.locationId, email: 'other@example.com' },
    });
    await emulator.control.webhooksIdle();
    expect(receiver.received).toEqual([]);
  });

  it('sends UNINSTALL and nothing after it', async () => {
    const { emulator, locationId, companyId, token, clock, receiver } = withReceiver();
    const app = await installedApp(emulator, { locationId }, { webhookUrl: APP_HOOKS });
    emulator.control.uninstallApp(app.appId, { locationId });
    await call(emulator, 'POST', '/contacts/', { token, body: { locationId, email: 'a@b.co' } });
    await emulator.control.webhooksIdle();
    const events = await receiver.verified(await publicKeys(emulator), clock.now());
    expect(events.map((e) => e.type)).toEqual(['INSTALL', 'UNINSTALL']);
    expect(events[1]).toMatchObject({ appId: app.appId, locationId, companyId });
  });

  it('announces an agency install once, with the Company and no Location', async () => {
    const { emulator, companyId, clock, receiver } = withReceiver();
    await installedApp(emulator, { companyId }, { webhookUrl: APP_HOOKS });
    await emulator.control.webhooksIdle();
    const [install, ...rest] = await receiver.verified(await publicKeys(emulator), clock.now());
    expect(rest).toEqual([]);
    expect(install).toMatchObject({ type: 'INSTALL', companyId });
    expect(install).not.toHaveProperty('locationId');
  });

  it('maps appointment events to the nested shape', async () => {
    const { emulator, locationId, clock, receiver } = withReceiver();
    await installedApp(emulator, { locationId }, { webhookUrl: APP_HOOKS });
    emulator.control.emit({
      type: 'AppointmentCreate',
      locationId,
      payload: {
        id: 'appt1',
        calendarId: 'cal1',
        contactId: 'c1',
        title: 'Consultation',
        appointmentStatus: 'confirmed',
        startTime: '2026-06-02T09:00:00-04:00',
        endTime: '2026-06-02T09:30:00-04:00',
      },
    });
    await emulator.control.webhooksIdle();
    const events = await receiver.verified(await publicKeys(emulator), clock.now());
    expect(events.at(-1)).toMatchObject({
      type: 'AppointmentCreate',
      locationId,
      appointment: { id: 'appt1', calendarId: 'cal1', startTime: '2026-06-02T09:00:00-04:00' },
    });
  });
});

describe('webhooks to a Location registration (private integrations)', () => {
  it('PUT /_emulator/webhooks sends the listed events of that Location to its URL', async () => {
    const { emulator, locationId, token, clock, receiver } = withReceiver();
    const put = await call(emulator, 'PUT', '/_emulator/webhooks', {
      body: { locationId, url: 'https://pit.example/in', events: ['ContactCreate'] },
    });
    expect(put.status).toBe(200);
    const created = await call(emulator, 'POST', '/contacts/', {
      token,
      body: { locationId, email: 'pit@example.com' },
    });
    await call(emulator, 'POST', `/contacts/${created.body.contact.id}/notes`, {
      token,
      body: { body: 'not subscribed' },
    });
    await emulator.control.webhooksIdle();
    const events = await receiver.verified(await publicKeys(emulator), clock.now());
    expect(events.map((e) => e.type)).toEqual(['ContactCreate']);
    expect(receiver.received[0]!.url).toBe('https://pit.example/in');

    const removed = await call(emulator, 'DELETE', `/_emulator/webhooks?locationId=${locationId}`);
    expect(removed.status).toBe(200);
    await call(emulator, 'POST', '/contacts/', { token, body: { locationId, email: 'x@y.co' } });
    await emulator.control.webhooksIdle();
    expect(receiver.received).toHaveLength(1);
  });

  it('refuses a registration without a Location or a URL', async () => {
    const { emulator, locationId } = withReceiver();
    const noLocation = await call(emulator, 'PUT', '/_emulator/webhooks', {
      body: { url: 'https://pit.example/in' },
    });
    expect(noLocation.status).toBe(422);
    const badUrl = await call(emulator, 'PUT', '/_emulator/webhooks', {
      body: { locationId, url: 'not a url' },
    });
    expect(badUrl.status).toBe(422);
  });
});

describe('retries', () => {
  it('re-sends the same webhook ~10 minutes after a 429; a 500 is final', async () => {
    const clock = manualClock(T0);
    const { emulator, locationId, token, receiver } = withReceiver([429, 200, 500], clock);
    emulator.control.setWebhook(locationId, { url: 'https://pit.example/in' });
    await call(emulator, 'POST', '/contacts/', { token, body: { locationId, email: 'r@e.co' } });
    await vi.waitFor(() =>
      expect(emulator.control.webhookDeliveries()[0]?.nextAttemptAt).not.toBeNull(),
    );
    expect(receiver.received).toHaveLength(1);
    await clock.advance(11 * 60_000);
    await emulator.control.webhooksIdle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.rawBody).toBe(receiver.received[0]!.rawBody);

    await call(emulator, 'POST', '/contacts/', { token, body: { locationId, email: 's@e.co' } });
    await emulator.control.webhooksIdle();
    expect(receiver.received).toHaveLength(3);
    expect(clock.pending()).toBe(0);

    const log = await call(emulator, 'GET', '/_emulator/webhooks/deliveries');
    expect(
      log.body.deliveries.map((d: DeliveryLogEntry) => [d.type, d.state, d.attempts, d.status]),
    ).toEqual([
      ['ContactCreate', 'delivered', 2, 200],
      ['ContactCreate', 'failed', 1, 500],
    ]);
    const events = await receiver.verified(await publicKeys(emulator), clock.now(), 75 * 60_000);
    expect(events[0]!.webhookId).toBe(events[1]!.webhookId);
  });
});

describe('drops and delays', () => {
  /** 50 contacts created by staff, with the Location's webhooks sent to a receiver. */
  async function fiftyChanges(seed: number) {
    const { emulator, locationId, token, receiver } = withReceiver();
    emulator.control.setWebhook(locationId, { url: 'https://pit.example/in' });
    const set = await call(emulator, 'PUT', '/_emulator/webhooks/faults', {
      body: { dropRate: 0.2, seed },
    });
    expect(set.body).toEqual({ dropRate: 0.2, delayRate: 0, delayMs: 0, maxDelayMs: 0, seed });
    for (let i = 0; i < 50; i++) {
      const email = `c${i}@example.com`;
      await call(emulator, 'POST', '/contacts/', { token, body: { locationId, email } });
    }
    await emulator.control.webhooksIdle();
    const log = (await call(emulator, 'GET', '/_emulator/webhooks/deliveries')).body
      .deliveries as DeliveryLogEntry[];
    return { emulator, log, receiver };
  }

  it('never sends a share of the deliveries, logs them as dropped, the same ones for a seed', async () => {
    const { emulator, log, receiver } = await fiftyChanges(7);
    const dropped = log.filter((d) => d.state === 'dropped');
    expect(dropped.length).toBeGreaterThan(3);
    expect(dropped.length).toBeLessThan(20);
    expect(receiver.received).toHaveLength(50 - dropped.length);
    expect(dropped.every((d) => d.attempts === 0)).toBe(true);
    const sent = new Set(
      (await receiver.verified(emulator.control.webhookKeys(), T0)).map((e) => e.webhookId),
    );
    expect(dropped.some((d) => sent.has(d.webhookId))).toBe(false);

    const again = await fiftyChanges(7);
    const states = (entries: DeliveryLogEntry[]) => entries.map((d) => d.state);
    expect(states(again.log)).toEqual(states(log));
    expect(states((await fiftyChanges(8)).log)).not.toEqual(states(log));
  });

  it('holds deliveries back on the emulator clock; DELETE sends at once again', async () => {
    const clock = manualClock(T0);
    const { emulator, locationId, token, receiver } = withReceiver([], clock);
    emulator.control.setWebhook(locationId, { url: 'https://pit.example/in' });
    emulator.control.setWebhookFaults({ delayMs: 30_000, maxDelayMs: 60_000, seed: 1 });
    await call(emulator, 'POST', '/contacts/', { token, body: { locationId, email: 'a@e.co' } });
    await call(emulator, 'POST', '/contacts/', { token, body: { locationId, email: 'b@e.co' } });
    await clock.advance(29_999);
    expect(receiver.received).toHaveLength(0);
    await clock.advance(30_001);
    await emulator.control.webhooksIdle();
    expect(receiver.received).toHaveLength(2);
    const delays = emulator.control.webhookDeliveries().map((d) => d.delayedMs);
    expect(delays.every((ms) => ms >= 30_000 && ms <= 60_000)).toBe(true);

    const cleared = await call(emulator, 'DELETE', '/_emulator/webhooks/faults');
    expect(cleared.body).toMatchObject({ dropRate: 0, delayRate: 0, delayMs: 0 });
    await call(emulator, 'POST', '/contacts/', { token, body: { locationId, email: 'c@e.co' } });
    await emulator.control.webhooksIdle();
    expect(receiver.received).toHaveLength(3);
  });

  it('refuses settings out of range, naming each', async () => {
    const { emulator } = withReceiver();
    const res = await call(emulator, 'PUT', '/_emulator/webhooks/faults', {
      body: { dropRate: 2, delayMs: -1 },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'invalid_webhook_faults',
      message: 'dropRate must be 0..1; delayMs must be a whole number of ms from 0 to 3600000',
    });
    expect((await call(emulator, 'GET', '/_emulator/webhooks/faults')).body.dropRate).toBe(0);
  });

  it('a reset clears them', () => {
    const { emulator } = withReceiver();
    emulator.control.setWebhookFaults({ dropRate: 1 });
    emulator.control.reset();
    expect(emulator.control.webhookFaults().dropRate).toBe(0);
  });
});
