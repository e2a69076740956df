/**
 * HighLevel's published public keys for webhook signatures. A receiver needs nothing else to
 * verify a delivery: HighLevel signs with the matching private keys, the same for every app.
 */

/**
 * Verifies `x-ghl-signature` (Ed25519), the current scheme. Published in HighLevel's Webhook
 * Integration Guide, "Verifying webhook authenticity":
 * https://marketplace.gohighlevel.com/docs/webhook/WebhookIntegrationGuide
 */
export const HIGHLEVEL_ED25519_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
-----END PUBLIC KEY-----
`;

/**
 * Verifies the legacy `x-wh-signature` (RSA-SHA256, 4096-bit), which HighLevel has announced it
 * will stop sending. Published in
 * https://github.com/GoHighLevel/highlevel-api-docs/blob/main/docs/oauth/WebhookAuthentication.md
 */
export const HIGHLEVEL_RSA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
-----END PUBLIC KEY-----
`;

/**
 * Both keys, in the shape `verifyWebhook`'s `publicKeys` option takes.
 *
 * @example
 * import { HIGHLEVEL_WEBHOOK_PUBLIC_KEYS } from '@ghl-bridge/client/webhooks';
 * createPublicKey(HIGHLEVEL_WEBHOOK_PUBLIC_KEYS.ed25519).asymmetricKeyType; // 'ed25519'
 */
export const HIGHLEVEL_WEBHOOK_PUBLIC_KEYS = Object.freeze({
  ed25519: HIGHLEVEL_ED25519_PUBLIC_KEY,
  rsa: HIGHLEVEL_RSA_PUBLIC_KEY,
});
