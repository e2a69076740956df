import { describe, expect, it } from 'vitest';
import { manualClock } from '@ghl-bridge/client';
import { verifyWebhook } from '@ghl-bridge/client/webhooks';
import { createWebhookDelivery } from './delivery.js';
import { createWebhookKeys } from './keys.js';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const RECEIVER_URL = 'https://receiver.test/webhooks/highlevel';
const keys = createWebhookKeys();
const event = {
  type: 'ContactCreate',
  locationId: 'loc1',
  id: 'c1',
  timestamp: new Date(T0).toISOString(),
  webhookId: 'wh-1',
};

interface Received {
  at: number;
  url: string;
  body: string;
  headers: Headers;
}

/** A receiver that answers each POST with the next scripted status (or throws the error). */
function scriptedReceiver(clock: { now(): number }, answers: (number | Error)[]) {
  const received: Received[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    received.push({
      at: clock.now(),
      url,
      body: typeof init.body === 'string' ? init.body : '',
      headers: new Headers(init.headers),
    });
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (answer instanceof Error) throw answer;
    return Promise.resolve(new Response(null, { status: answer }));
  }) as unknown as typeof globalThis.fetch;
  return { fetch, received };
}

describe('createWebhookDelivery', () => {
  it('POSTs the JSON with both signatures, verifiable by the client', async () => {
    const clock = manualClock(T0);
    const { fetch, received } = scriptedReceiver(clock, [200]);
    const delivery = createWebhookDelivery({ fetch, clock, keys });
    const entry = await delivery.deliver(RECEIVER_URL, event);
    expect(entry).toMatchObject({ state: 'delivered', attempts: 1, status: 200, error: null });
    const [request] = received;
    expect(request!.url).toBe(RECEIVER_URL);
    expect(request!.headers.get('content-type')).toBe('application/json');
    const verified = await verifyWebhook({
      rawBody: request!.body,
      headers: request!.headers,
      publicKeys: keys.publicKeys,
      now: () => clock.now(),
    });
    expect(verified).toEqual(event);
  });

  it('re-sends the same payload after a 429, 10 minutes plus jitter later', async () => {
    const clock = manualClock(T0);
    const { fetch, received } = scriptedReceiver(clock, [429, 429, 200]);
    const delivery = createWebhookDelivery({ fetch, clock, keys, random: () => 0.5 });
    const result = delivery.deliver(RECEIVER_URL, event);
    await clock.advance(1000);
    expect(delivery.log()[0]).toMatchObject({
      state: 'pending',
      attempts: 1,
      status: 429,
      nextAttemptAt: new Date(T0 + 10.5 * MIN).toISOString(),
    });
    await clock.runAll();
    expect(await result).toMatchObject({ state: 'delivered', attempts: 3, status: 200 });
    expect(received.map((r) => r.at - T0)).toEqual([0, 10.5 * MIN, 21 * MIN]);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect(new Set(received.map((r) => r.headers.get('x-ghl-signature'))).size).toBe(1);
    // The retry carries the original timestamp: a receiver with HighLevel's suggested
    // five-minute window would refuse it, so this one allows for the retry schedule.
    const last = received[2]!;
    const options = { rawBody: last.body, headers: last.headers, publicKeys: keys.publicKeys };
    await expect(verifyWebhook({ ...options, now: () => clock.now() })).rejects.toThrow(
      /tolerance 5 min/,
    );
    await expect(
      verifyWebhook({ ...options, now: () => clock.now(), toleranceMs: 75 * MIN }),
    ).resolves.toMatchObject({ webhookId: 'wh-1' });
  });

  it('gives up after 6 retries of 429', async () => {
    const clock = manualClock(T0);
    const { fetch, received } = scriptedReceiver(clock, [429]);
    const delivery = createWebhookDelivery({ fetch, clock, keys, random: () => 0 });
    const result = delivery.deliver(RECEIVER_URL, event);
    await clock.runAll();
    expect(await result).toMatchObject({
      state: 'failed',
      attempts: 7,
      status: 429,
      error: 'answered 429 after 6 retries',
      nextAttemptAt: null,
    });
    expect(received.map((r) => (r.at - T0) / MIN)).toEqual([0, 10, 20, 30, 40, 50, 60]);
  });

  it('does not retry a 500 or a failed connection', async () => {
    const clock = manualClock(T0);
    const server = scriptedReceiver(clock, [500]);
    const down = scriptedReceiver(clock, [new TypeError('fetch failed')]);
    const first = createWebhookDelivery({ fetch: server.fetch, clock, keys });
    const second = createWebhookDelivery({ fetch: down.fetch, clock, keys });
    expect(await first.deliver(RECEIVER_URL, event)).toMatchObject({
      state: 'failed',
      attempts: 1,
      status: 500,
      error: 'answered 500; HighLevel retries only 429',
    });
    expect(await second.deliver(RECEIVER_URL, event)).toMatchObject({
      state: 'failed',
      attempts: 1,
      status: null,
      error: 'no answer (fetch failed); HighLevel does not retry',
    });
    await clock.runAll();
    expect(server.received).toHaveLength(1);
    expect(down.received).toHaveLength(1);
  });

  it('stops waiting for a receiver that never answers', async () => {
    const clock = manualClock(T0);
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal!.addEventListener('abort', () => reject(new Error('aborted')));
      })) as unknown as typeof globalThis.fetch;
    const delivery = createWebhookDelivery({ fetch: hanging, clock, keys, timeoutMs: 5000 });
    const result = delivery.deliver(RECEIVER_URL, event);
    await clock.advance(5000);
    expect(await result).toMatchObject({
      state: 'failed',
      error: 'no answer (no answer within 5000 ms); HighLevel does not retry',
    });
  });

  it('never throws into the caller, and logs what happened', async () => {
    const clock = manualClock(T0);
    const { fetch } = scriptedReceiver(clock, [200]);
    const delivery = createWebhookDelivery({ fetch, clock, keys, logLimit: 2 });
    const unserializable = { ...event, webhookId: 'wh-2', amount: 10n };
    const failed = await delivery.deliver(RECEIVER_URL, unserializable);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/^could not send: .*BigInt/);
    await delivery.deliver(RECEIVER_URL, { ...event, webhookId: 'wh-3' });
    await delivery.deliver(RECEIVER_URL, { ...event, webhookId: 'wh-4' });
    const log = delivery.log();
    expect(log.map((e) => [e.webhookId, e.type, e.url, e.state])).toEqual([
      ['wh-3', 'ContactCreate', RECEIVER_URL, 'delivered'],
      ['wh-4', 'ContactCreate', RECEIVER_URL, 'delivered'],
    ]);
    log[0]!.state = 'failed';
    expect(delivery.log()[0]!.state).toBe('delivered');
    delivery.clearLog();
    expect(delivery.log()).toEqual([]);
  });

  it('reports idle only once pending retries are done', async () => {
    const clock = manualClock(T0);
    const { fetch } = scriptedReceiver(clock, [429, 200]);
    const delivery = createWebhookDelivery({ fetch, clock, keys, random: () => 0 });
    void delivery.deliver(RECEIVER_URL, event);
    let idle = false;
    const waiting = delivery.idle().then(() => (idle = true));
    await clock.advance(5 * MIN);
    expect(idle).toBe(false);
    await clock.advance(5 * MIN);
    await waiting;
    expect(delivery.log()[0]).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it('never sends a dropped delivery, and logs it as dropped', async () => {
    const clock = manualClock(T0);
    const { fetch, received } = scriptedReceiver(clock, [200]);
    const delivery = createWebhookDelivery({ fetch, clock, keys });
    expect(await delivery.deliver(RECEIVER_URL, event, { dropped: true })).toMatchObject({
      state: 'dropped',
      attempts: 0,
      status: null,
      error: 'dropped by the webhook fault settings; never sent',
    });
    await clock.runAll();
    expect(received).toEqual([]);
  });

  it('holds a delayed delivery back on the clock, then sends it', async () => {
    const clock = manualClock(T0);
    const { fetch, received } = scriptedReceiver(clock, [200]);
    const delivery = createWebhookDelivery({ fetch, clock, keys });
    const result = delivery.deliver(RECEIVER_URL, event, { dropped: false, delayMs: 90_000 });
    expect(delivery.log()[0]).toMatchObject({
      state: 'pending',
      attempts: 0,
      delayedMs: 90_000,
      nextAttemptAt: new Date(T0 + 90_000).toISOString(),
    });
    await clock.advance(89_999);
    expect(received).toEqual([]);
    await clock.advance(1);
    expect(await result).toMatchObject({ state: 'delivered', attempts: 1, delayedMs: 90_000 });
    expect(received.map((r) => r.at - T0)).toEqual([90_000]);
  });
});
