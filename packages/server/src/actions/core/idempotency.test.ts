import { describe, expect, it } from 'vitest';
import {
  decideOnKey,
  KEY_LIFETIME_MS,
  requestFingerprint,
  RUN_LEASE_MS,
  type KeyDecision,
  type KeyRecord,
} from './idempotency.js';

const HOUR = 3600_000;
const at = (startedAt: number, state: KeyRecord['state'] = 'done', fingerprint = 'f1') => ({
  fingerprint,
  state,
  startedAt,
});

describe('a request finding its Idempotency-Key taken', () => {
  it.each<[string, KeyRecord, string, number, KeyDecision]>([
    ['the same request, answered', at(0), 'f1', HOUR, 'replay'],
    ['the same request, answered 23 h ago', at(0), 'f1', 23 * HOUR, 'replay'],
    ['another request', at(0), 'f2', HOUR, 'reused'],
    ['another request, still running', at(0, 'running'), 'f2', 1000, 'reused'],
    ['the same request, still running', at(0, 'running'), 'f1', 1000, 'wait'],
    ['the same request, running past its lease', at(0, 'running'), 'f1', RUN_LEASE_MS, 'take-over'],
    ['a key past its lifetime', at(0), 'f1', KEY_LIFETIME_MS, 'take-over'],
    ['a key past its lifetime, another request', at(0), 'f2', KEY_LIFETIME_MS + 1, 'take-over'],
  ])('%s -> %s', (_, record, fingerprint, now, decision) => {
    expect(decideOnKey(record, fingerprint, now)).toBe(decision);
  });
});

describe('a key that lives shorter than a day', () => {
  it('is free again once its lifetime is over, and answers the same request until then', () => {
    const record = { fingerprint: 'f', state: 'done', startedAt: 0 } as const;
    expect(decideOnKey(record, 'f', 599_999, 600_000)).toBe('replay');
    expect(decideOnKey(record, 'f', 600_000, 600_000)).toBe('take-over');
    expect(decideOnKey(record, 'other', 600_000, 600_000)).toBe('take-over');
  });
});

describe('what makes two requests the same', () => {
  it.each([
    [
      'keys in another order',
      ['a', { x: 1, y: { b: 2, a: 1 } }],
      ['a', { y: { a: 1, b: 2 }, x: 1 }],
      true,
    ],
    ['another action', ['a', { x: 1 }], ['b', { x: 1 }], false],
    ['another value', ['a', { x: 1 }], ['a', { x: 2 }], false],
    ['an array in another order', ['a', { x: [1, 2] }], ['a', { x: [2, 1] }], false],
    ['a field added', ['a', { x: 1 }], ['a', { x: 1, y: null }], false],
  ] as const)('%s: same is %s', (_, [a1, i1], [a2, i2], same) => {
    expect(requestFingerprint(a1, i1) === requestFingerprint(a2, i2)).toBe(same);
  });
});
