/**
 * A copy of a value with every secret-looking field's value replaced, at any depth: what an
 * audit trail may keep of arguments that can hold a password (`create-user`) or a token.
 */

/** Field names that hold secrets, whatever their case or prefix (`refreshToken`, `api_key`). */
const SECRET_NAME = /password|passcode|secret|token|api_?key|authorization|ciphertext/i;

export const MASKED = '[redacted]';

/**
 * @example maskSecrets({ email: 'a@b.c', password: 'hunter2' }) // { email: 'a@b.c', password: '[redacted]' }
 */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (typeof value !== 'object' || value === null) return value;
  const masked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    masked[key] = SECRET_NAME.test(key) && field !== null ? MASKED : maskSecrets(field);
  }
  return masked;
}
