import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../catalogue/core/catalogue.js';
import { chooseTrigger } from './triggerChoice.js';

describe('chooseTrigger', () => {
  it.each([
    ['get-contact-tasks', { ok: true }],
    ['get-contact-taks', { ok: false, refusal: 'unknown_trigger' }],
    ['create-contact', { ok: false, refusal: 'not_a_trigger' }],
    ['get-company', { ok: false, refusal: 'agency_only' }],
  ])('%s', (name, expected) => {
    expect(chooseTrigger(CATALOGUE, name)).toMatchObject(expected);
  });

  it('offers the names a typo was close to', () => {
    const choice = chooseTrigger(CATALOGUE, 'get-contact-taks');
    expect(
      choice.ok === false && choice.refusal === 'unknown_trigger' && choice.closeNames[0],
    ).toBe('get-contact-tasks');
  });
});
