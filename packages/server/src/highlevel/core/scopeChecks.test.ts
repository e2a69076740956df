import { describe, expect, it } from 'vitest';
import {
  classifyProbe,
  connectionVerdict,
  PROBES,
  requiredScopes,
  type ProbeAnswer,
  type ProbeResult,
  type ProbeVerdict,
} from './scopeChecks.js';

describe('requiredScopes', () => {
  it.each([
    [
      ['bookings'],
      [
        'locations.readonly',
        'contacts.readonly',
        'contacts.write',
        'locations/customFields.readonly',
        'locations/customFields.write',
      ],
    ],
    [
      ['voice'],
      [
        'locations.readonly',
        'calendars.readonly',
        'calendars/events.readonly',
        'calendars/events.write',
        'contacts.readonly',
        'contacts.write',
      ],
    ],
    [[], ['locations.readonly']],
  ])('%j needs %j', (features, scopes) => {
    expect(requiredScopes(features)).toEqual(scopes);
  });

  it('has a probe for every scope any feature needs', () => {
    for (const scope of requiredScopes(['bookings', 'voice'])) expect(PROBES[scope]).toBeDefined();
  });
});

describe('classifyProbe', () => {
  const read = PROBES['contacts.readonly']!;
  const write = PROBES['contacts.write']!;
  const location = PROBES['locations.readonly']!;
  it.each<[string, typeof read, ProbeAnswer, ProbeVerdict]>([
    ['a success', read, { ok: true }, 'held'],
    ['401 Invalid JWT', read, { ok: false, code: 'invalid_token' }, 'invalid_token'],
    ['401 scope', write, { ok: false, code: 'scope_not_authorized' }, 'missing'],
    ['403 location', read, { ok: false, code: 'location_access_denied' }, 'wrong_location'],
    ['a refused dummy write', write, { ok: false, code: 'not_found' }, 'held'],
    ['a 422 to an empty body', write, { ok: false, code: 'validation' }, 'held'],
    ['an unknown Location', location, { ok: false, code: 'not_found' }, 'wrong_location'],
    ['a 404 on a plain read', read, { ok: false, code: 'not_found' }, 'unexpected'],
    ['a 5xx', read, { ok: false, code: 'server_error' }, 'unavailable'],
    ['a dropped connection', read, { ok: false, code: 'network' }, 'unavailable'],
    ['a 429', read, { ok: false, code: 'rate_limited' }, 'unavailable'],
  ])('%s is %s', (_name, probe, answer, verdict) => {
    expect(classifyProbe(probe, answer)).toBe(verdict);
  });
});

describe('connectionVerdict', () => {
  const r = (scope: string, verdict: ProbeVerdict): ProbeResult => ({
    scope,
    label: scope,
    verdict,
  });
  it.each<[string, ProbeResult[], ReturnType<typeof connectionVerdict>]>([
    ['all held', [r('a', 'held'), r('b', 'held')], { ok: true }],
    [
      'a dead key first',
      [r('a', 'missing'), r('b', 'invalid_token'), r('c', 'wrong_location')],
      { ok: false, problem: 'invalid_credentials' },
    ],
    [
      'the wrong Location before scopes',
      [r('a', 'missing'), r('b', 'wrong_location')],
      { ok: false, problem: 'location_mismatch' },
    ],
    [
      'every missing scope',
      [r('a', 'missing'), r('b', 'held'), r('c', 'missing'), r('d', 'unavailable')],
      { ok: false, problem: 'missing_scopes', missing: ['a', 'c'] },
    ],
    [
      'HighLevel down',
      [r('a', 'held'), r('b', 'unavailable')],
      { ok: false, problem: 'unavailable' },
    ],
  ])('%s', (_name, results, verdict) => {
    expect(connectionVerdict(results)).toEqual(verdict);
  });
});
