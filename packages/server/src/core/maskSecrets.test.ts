import { describe, expect, it } from 'vitest';
import { MASKED, maskSecrets } from './maskSecrets.js';

describe('maskSecrets', () => {
  it('masks secret-looking fields at any depth and keeps the rest', () => {
    const args = {
      email: 'ada@example.com',
      password: 'hunter2',
      nested: [{ refreshToken: 'rt', api_key: 'k', Authorization: 'Bearer x', note: 'hi' }],
      clientSecret: null,
    };
    expect(maskSecrets(args)).toEqual({
      email: 'ada@example.com',
      password: MASKED,
      nested: [{ refreshToken: MASKED, api_key: MASKED, Authorization: MASKED, note: 'hi' }],
      clientSecret: null,
    });
    expect(args.password).toBe('hunter2');
  });

  it('leaves values that are not objects as they are', () => {
    expect(maskSecrets('password')).toBe('password');
    expect(maskSecrets(undefined)).toBeUndefined();
  });
});
