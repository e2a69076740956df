import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HIGHLEVEL_WEBHOOK_PUBLIC_KEYS } from './keys.js';

describe("HighLevel's published webhook keys", () => {
  it('parse as an Ed25519 key and a 4096-bit RSA key', () => {
    const ed25519 = createPublicKey(HIGHLEVEL_WEBHOOK_PUBLIC_KEYS.ed25519);
    expect(ed25519.type).toBe('public');
    expect(ed25519.asymmetricKeyType).toBe('ed25519');

    const rsa = createPublicKey(HIGHLEVEL_WEBHOOK_PUBLIC_KEYS.rsa);
    expect(rsa.asymmetricKeyType).toBe('rsa');
    expect(rsa.asymmetricKeyDetails?.modulusLength).toBe(4096);
  });

  it('are the keys HighLevel publishes, byte for byte', () => {
    const der = (pem: string) =>
      createPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('base64');
    expect(der(HIGHLEVEL_WEBHOOK_PUBLIC_KEYS.ed25519)).toBe(
      'MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=',
    );
    expect(der(HIGHLEVEL_WEBHOOK_PUBLIC_KEYS.rsa)).toMatch(/^MIICIjANBgkqhkiG9w0BAQEFAAOCAg8A/);
    expect(der(HIGHLEVEL_WEBHOOK_PUBLIC_KEYS.rsa)).toMatch(/T1hhTiaCeIY\/OwwwNUY2yvcCAwEAAQ==$/);
  });
});
