import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError } from '@ghl-bridge/client/webhooks';
import { createWebhookKeys, signWebhook } from './keys.js';

const keys = createWebhookKeys();
const now = Date.parse('2026-03-02T10:00:00.000Z');
const body = JSON.stringify({
  type: 'ContactCreate',
  locationId: 'loc1',
  id: 'c1',
  firstName: 'Zoë',
  timestamp: new Date(now).toISOString(),
  webhookId: 'wh-1',
});

describe('createWebhookKeys', () => {
  it('publishes an Ed25519 and an RSA public key as PEM', () => {
    expect(keys.publicKeys.ed25519).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPublicKey(keys.publicKeys.ed25519).asymmetricKeyType).toBe('ed25519');
    const rsa = createPublicKey(keys.publicKeys.rsa);
    expect(rsa.asymmetricKeyType).toBe('rsa');
    expect(rsa.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(JSON.stringify(keys.publicKeys)).not.toContain('PRIVATE');
  });
});

describe('signWebhook round trip through the client', () => {
  const verify = (headers: Record<string, string>, rawBody: string | Uint8Array = body) =>
    verifyWebhook({ rawBody, headers, publicKeys: keys.publicKeys, now: () => now });

  it("verifies with verifyWebhook given the emulator's public keys", async () => {
    await expect(verify({ ...signWebhook(body, keys) })).resolves.toEqual(JSON.parse(body));
  });

  it('signs the same bytes whether given a string or a Uint8Array', async () => {
    const headers = signWebhook(new TextEncoder().encode(body), keys);
    expect(headers).toEqual(signWebhook(body, keys));
    await expect(verify({ ...headers }, Buffer.from(body))).resolves.toMatchObject({ id: 'c1' });
  });

  it('makes a legacy x-wh-signature that verifies on its own (RSA-SHA256)', async () => {
    const { 'x-wh-signature': rsaOnly } = signWebhook(body, keys);
    await expect(verify({ 'x-wh-signature': rsaOnly })).resolves.toMatchObject({ id: 'c1' });
  });

  it("does not verify under another emulator's keys", async () => {
    const other = createWebhookKeys();
    const error: unknown = await verify({ ...signWebhook(body, other) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toMatchObject({ reason: 'signature_mismatch' });
  });
});
