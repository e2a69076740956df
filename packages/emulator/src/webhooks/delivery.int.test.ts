import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualClock } from '@ghl-bridge/client';
import { verifyWebhook, type IncomingWebhookEvent } from '@ghl-bridge/client/webhooks';
import { createWebhookDelivery } from './delivery.js';
import { createWebhookKeys } from './keys.js';
import { contactEvent, stampDelivery } from './payloads.js';

const keys = createWebhookKeys();
let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function rawBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A real HTTP receiver that verifies each delivery with the client's `verifyWebhook`, as an
 * integration would, then answers with the next scripted status. It reads the time from the
 * emulator's clock, and allows for HighLevel's retry schedule (75 minutes).
 */
async function startReceiver(clock: { now(): number }, statuses: number[]) {
  const verified: IncomingWebhookEvent[] = [];
  server = createServer((request, response) => {
    void (async () => {
      const body = await rawBody(request);
      const event = await verifyWebhook({
        rawBody: body,
        headers: request.headers,
        publicKeys: keys.publicKeys,
        now: () => clock.now(),
        toleranceMs: 75 * 60_000,
      });
      verified.push(event);
      response.writeHead(statuses.shift() ?? 200).end();
    })().catch(() => response.writeHead(401).end());
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webhooks`, verified };
}

const contact = { id: 'c1', locationId: 'loc1', firstName: 'Ada', tags: ['vip'] };

describe('webhook delivery over HTTP', () => {
  it('reaches a receiver that verifies it with the emulator public keys', async () => {
    const clock = manualClock(Date.now());
    const receiver = await startReceiver(clock, [200]);
    const delivery = createWebhookDelivery({ fetch, clock, keys });
    const event = contactEvent('ContactCreate', contact, stampDelivery(clock));
    const entry = await delivery.deliver(receiver.url, event);
    expect(entry).toMatchObject({ state: 'delivered', status: 200, attempts: 1 });
    expect(receiver.verified).toEqual([event]);
  });

  it('retries a 429 on the clock, but not a 500', async () => {
    const clock = manualClock(Date.now());
    const receiver = await startReceiver(clock, [429, 200, 500]);
    const delivery = createWebhookDelivery({ fetch, clock, keys, random: () => 0 });
    const event = contactEvent('ContactTagUpdate', contact, stampDelivery(clock));
    const retried = delivery.deliver(receiver.url, event);
    await vi.waitFor(() => expect(delivery.log()[0]?.nextAttemptAt).not.toBeNull());
    await clock.advance(10 * 60_000);
    expect(await retried).toMatchObject({ state: 'delivered', attempts: 2, status: 200 });
    expect(receiver.verified).toEqual([event, event]);

    const other = contactEvent('ContactUpdate', contact, stampDelivery(clock));
    const failed = await delivery.deliver(receiver.url, other);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, status: 500 });
    expect(clock.pending()).toBe(0);
    expect(receiver.verified).toHaveLength(3);
  });
});
