import { describe, expect, it } from 'vitest';
import { callKey, SAME_ARGUMENTS_WINDOW_MS } from './callKey.js';

describe('callKey', () => {
  it('makes the same arguments the same call, whatever their order, for 10 minutes', () => {
    const a = callKey('mcpc_1', 'create-contact', { email: 'a@b.c', firstName: 'A' }, undefined);
    const b = callKey('mcpc_1', 'create-contact', { firstName: 'A', email: 'a@b.c' }, {});
    expect(a).toEqual(b);
    expect(a.lifetimeMs).toBe(SAME_ARGUMENTS_WINDOW_MS);
    expect(a.own).toBeUndefined();
  });

  it('tells other arguments, tools and clients apart', () => {
    const base = callKey('mcpc_1', 'create-contact', { email: 'a@b.c' }, undefined).key;
    expect(callKey('mcpc_1', 'create-contact', { email: 'x@b.c' }, undefined).key).not.toBe(base);
    expect(callKey('mcpc_1', 'upsert-contact', { email: 'a@b.c' }, undefined).key).not.toBe(base);
    expect(callKey('mcpc_2', 'create-contact', { email: 'a@b.c' }, undefined).key).not.toBe(base);
  });

  it("takes the client's own key for a day, and ignores one it can't use", () => {
    expect(callKey('mcpc_1', 't', {}, { idempotencyKey: ' k1 ' })).toEqual({
      key: 'mcp:mcpc_1:key:k1',
      lifetimeMs: 86_400_000,
      own: 'k1',
    });
    for (const meta of [
      { idempotencyKey: '' },
      { idempotencyKey: 7 },
      { idempotencyKey: 'x'.repeat(201) },
      null,
    ]) {
      expect(callKey('mcpc_1', 't', {}, meta).own).toBeUndefined();
    }
  });
});
