import { randomBytes, randomUUID } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A HighLevel-style id: 20 alphanumeric characters, e.g. `ve9EPM428h8vShlRW1KT`. */
export function newId(): string {
  let id = '';
  while (id.length < 20) {
    // 248 is the largest multiple of 62 below 256: skipping bytes above it keeps ids uniform.
    for (const b of randomBytes(24)) if (b < 248 && id.length < 20) id += ALPHABET[b % 62];
  }
  return id;
}

/** A private-integration-style token: `pit-` and a UUID, like HighLevel's. */
export function newPitToken(): string {
  return `pit-${randomUUID()}`;
}

/** A trace id as HighLevel puts in upsert and error bodies. */
export function newTraceId(): string {
  return randomUUID();
}
