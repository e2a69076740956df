import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { specRoot } from '@ghl-bridge/highlevel-spec';
import {
  isKnownWebhookEvent,
  verifyWebhook,
  WebhookVerificationError,
  type VerifyWebhookOptions,
} from './index.js';

const ed = generateKeyPairSync('ed25519');
const otherEd = generateKeyPairSync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeys = { ed25519: ed.publicKey, rsa: rsa.publicKey };

const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const extracted = JSON.parse(
  readFileSync(path.join(specRoot, 'webhook-events.extracted.json'), 'utf8'),
) as Record<string, { examples: Record<string, unknown>[] }>;

/** HighLevel's documented example of `event`, stamped as a delivery. */
function delivery(event: string, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    ...extracted[event]!.examples[0],
    timestamp: new Date(NOW - 30_000).toISOString(),
    webhookId: `wh-${event}`,
    ...overrides,
  });
}

function edSignature(body: string | Uint8Array, key: KeyObject = ed.privateKey): string {
  return sign(null, Buffer.from(body), key).toString('base64');
}
function rsaSignature(body: string | Uint8Array): string {
  return sign('sha256', Buffer.from(body), rsa.privateKey).toString('base64');
}

function verify(rawBody: string | Uint8Array, headers: VerifyWebhookOptions['headers']) {
  return verifyWebhook({ rawBody, headers, publicKeys, now: () => NOW });
}

async function rejection(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error: unknown = await promise.then(
    () => new Error('expected the webhook to be rejected'),
    (e: unknown) => e,
  );
  if (!(error instanceof WebhookVerificationError)) throw error;
  return error;
}

describe('verifyWebhook signatures', () => {
  it('accepts an Ed25519-signed ContactCreate and returns the typed event', async () => {
    const body = delivery('ContactCreate');
    const event = await verify(body, { 'x-ghl-signature': edSignature(body) });
    expect(event).toEqual(JSON.parse(body));
    if (!isKnownWebhookEvent(event) || event.type !== 'ContactCreate') throw new Error(event.type);
    expect(event.email).toBe('JohnDeo@gmail.comm');
    expect(event.tags).toEqual(['id magna sed Lorem', 'Duis dolor commodo aliqua']);
  });

  it('refuses a body changed after signing', async () => {
    const body = delivery('AppointmentCreate');
    const tampered = body.replace('confirmed', 'cancelled');
    const error = await rejection(verify(tampered, { 'x-ghl-signature': edSignature(body) }));
    expect(error.code).toBe('invalid_signature');
    expect(error.reason).toBe('signature_mismatch');
    expect(error.message).toMatch(/x-ghl-signature does not verify with publicKeys\.ed25519/);
  });

  it('refuses re-serialized JSON: only the raw bytes verify', async () => {
    const body = JSON.stringify(JSON.parse(delivery('NoteCreate')), null, 2);
    const headers = { 'x-ghl-signature': edSignature(body) };
    await expect(verify(body, headers)).resolves.toMatchObject({ type: 'NoteCreate' });
    const reserialized = JSON.stringify(JSON.parse(body));
    expect((await rejection(verify(reserialized, headers))).reason).toBe('signature_mismatch');
  });

  it('refuses a signature made with another key', async () => {
    const body = delivery('ContactCreate');
    const headers = { 'x-ghl-signature': edSignature(body, otherEd.privateKey) };
    expect((await rejection(verify(body, headers))).reason).toBe('signature_mismatch');
  });

  it("checks HighLevel's published keys when none are given", async () => {
    const body = delivery('ContactCreate');
    const error = await rejection(
      verifyWebhook({ rawBody: body, headers: { 'x-ghl-signature': edSignature(body) } }),
    );
    expect(error.reason).toBe('signature_mismatch');
    expect(error.message).toContain("HighLevel's published key (Ed25519)");
  });

  it('prefers Ed25519: a bad x-ghl-signature fails even beside a good x-wh-signature', async () => {
    const body = delivery('OpportunityCreate');
    const headers = {
      'x-ghl-signature': edSignature(body, otherEd.privateKey),
      'x-wh-signature': rsaSignature(body),
    };
    const error = await rejection(verify(body, headers));
    expect(error.message).toMatch(/^x-ghl-signature .*x-wh-signature is not tried/);
  });

  it('falls back to x-wh-signature (RSA) when x-ghl-signature is absent or "N/A"', async () => {
    const body = delivery('AppInstall');
    const rsaOnly = { 'x-wh-signature': rsaSignature(body) };
    await expect(verify(body, rsaOnly)).resolves.toMatchObject({ type: 'INSTALL' });
    const notApplicable = { ...rsaOnly, 'x-ghl-signature': 'N/A' };
    await expect(verify(body, notApplicable)).resolves.toMatchObject({ type: 'INSTALL' });
    const tampered = body.replace('INSTALL', 'UNINSTALL');
    const error = await rejection(verify(tampered, rsaOnly));
    expect(error.message).toMatch(/^x-wh-signature does not verify with publicKeys\.rsa \(RSA\)/);
  });

  it('says which headers are missing when the request is unsigned', async () => {
    const body = delivery('ContactCreate');
    const error = await rejection(verify(body, { 'content-type': 'application/json' }));
    expect(error.reason).toBe('missing_signature');
    expect(error.message).toContain('Neither x-ghl-signature nor x-wh-signature');
  });

  it('takes the body as a string or as bytes, including non-ASCII text', async () => {
    const body = delivery('NoteCreate', { body: 'Café — rendez-vous à 9 h' });
    const bytes = new TextEncoder().encode(body);
    const headers = { 'x-ghl-signature': edSignature(bytes) };
    await expect(verify(bytes, headers)).resolves.toMatchObject({
      body: 'Café — rendez-vous à 9 h',
    });
    await expect(verify(body, headers)).resolves.toMatchObject({ type: 'NoteCreate' });
    const fromBuffer = await verify(Buffer.from(bytes), headers);
    expect(fromBuffer.webhookId).toBe('wh-NoteCreate');
  });

  it('reads Headers, plain objects in any case, and repeated values', async () => {
    const body = delivery('TaskCreate');
    const signature = edSignature(body);
    const forms: VerifyWebhookOptions['headers'][] = [
      new Headers({ 'X-GHL-Signature': signature }),
      { 'X-Ghl-Signature': signature },
      { 'x-ghl-signature': [signature], 'x-wh-signature': undefined },
    ];
    for (const headers of forms) {
      await expect(verify(body, headers)).resolves.toMatchObject({ type: 'TaskCreate' });
    }
  });

  it('refuses a key of the wrong kind with a message naming the option', async () => {
    const body = delivery('ContactCreate');
    const error = await rejection(
      verifyWebhook({
        rawBody: body,
        headers: { 'x-ghl-signature': edSignature(body) },
        publicKeys: { ed25519: rsa.publicKey },
        now: () => NOW,
      }),
    );
    expect(error.reason).toBe('unusable_key');
    expect(error.message).toBe(
      'publicKeys.ed25519 is a rsa key, but x-ghl-signature needs an Ed25519 public key.',
    );
  });

  it('explains a body that a JSON parser already consumed', async () => {
    const parsed = JSON.parse(delivery('ContactCreate')) as unknown as string;
    await expect(verify(parsed, { 'x-ghl-signature': 'x' })).rejects.toThrow(/express\.raw/);
  });

  it('refuses a correctly signed body that is not an event', async () => {
    const body = JSON.stringify({ type: 'ContactCreate', timestamp: new Date(NOW).toISOString() });
    const error = await rejection(verify(body, { 'x-ghl-signature': edSignature(body) }));
    expect(error.reason).toBe('malformed_payload');
    expect(error.message).toContain('has no string "webhookId"');
  });
});

describe('verifyWebhook replay protection', () => {
  const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
  const signed = (overrides: Record<string, unknown>) => {
    const body = delivery('ContactUpdate', overrides);
    return [body, { 'x-ghl-signature': edSignature(body) }] as const;
  };

  it('refuses a timestamp older than five minutes, saying by how much', async () => {
    const error = await rejection(verify(...signed({ timestamp: at(-6 * 60_000) })));
    expect(error.code).toBe('stale_webhook');
    expect(error.reason).toBe('stale');
    expect(error.message).toContain("6 min before this server's clock (tolerance 5 min)");
  });

  it('refuses a timestamp more than five minutes ahead, pointing at the clock', async () => {
    const error = await rejection(verify(...signed({ timestamp: at(5 * 60_000 + 1000) })));
    expect(error.reason).toBe('from_the_future');
    expect(error.message).toMatch(/5 min 1 s after this server's clock.*check NTP/);
  });

  it('accepts an old delivery within a wider tolerance', async () => {
    const [rawBody, headers] = signed({ timestamp: at(-60 * 60_000) });
    const options = { rawBody, headers, publicKeys, now: () => NOW, toleranceMs: 75 * 60_000 };
    await expect(verifyWebhook(options)).resolves.toMatchObject({ type: 'ContactUpdate' });
  });

  it('refuses a webhookId already seen, with a Set or an async store', async () => {
    const [rawBody, headers] = signed({ webhookId: 'dup-1' });
    const base = { rawBody, headers, publicKeys, now: () => NOW };
    const inSet = await rejection(verifyWebhook({ ...base, seenWebhookIds: new Set(['dup-1']) }));
    expect(inSet.reason).toBe('duplicate');
    expect(inSet.message).toContain('dup-1 (ContactUpdate) was already received');
    const store = { has: (id: string) => Promise.resolve(id === 'dup-1') };
    expect((await rejection(verifyWebhook({ ...base, seenWebhookIds: store }))).code).toBe(
      'stale_webhook',
    );
    const fresh = verifyWebhook({ ...base, seenWebhookIds: new Set(['dup-2']) });
    await expect(fresh).resolves.toMatchObject({ webhookId: 'dup-1' });
  });

  it('checks the signature before trusting anything in the body', async () => {
    const body = delivery('ContactUpdate', { timestamp: at(-60 * 60_000), webhookId: 'dup-1' });
    const headers = { 'x-ghl-signature': edSignature(body, otherEd.privateKey) };
    const options = { rawBody: body, headers, publicKeys, now: () => NOW };
    const error = await rejection(
      verifyWebhook({ ...options, seenWebhookIds: new Set(['dup-1']) }),
    );
    expect(error.reason).toBe('signature_mismatch');
  });
});
