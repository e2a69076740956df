import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../catalogue/core/catalogue.js';
import type { CatalogueEntry } from '../../catalogue/core/entry.js';
import { closeNames } from '../../catalogue/core/closeNames.js';
import { chooseAction } from './actionChoice.js';

const entry = (over: Partial<CatalogueEntry>): CatalogueEntry => ({
  name: 'do-it',
  title: 'Do It',
  description: 'Does it',
  kind: 'action',
  category: 'Other Operations',
  operations: [{ method: 'POST', path: '/things/' }],
  scopes: [],
  access: ['bearer'],
  input: { type: 'object', properties: {} },
  placement: {},
  output: {},
  ...over,
});

describe('choosing the action a name means', () => {
  it.each([
    ['create-contact', { ok: true }],
    ['get-contact', { ok: false, refusal: 'trigger' }],
    ['create-location', { ok: false, refusal: 'agency_only' }],
    ['create-contacts', { ok: false, refusal: 'unknown_action' }],
    ['', { ok: false, refusal: 'unknown_action', closeNames: [] }],
  ])('%j -> %j', (name, expected) => {
    expect(chooseAction(CATALOGUE, name)).toMatchObject(expected);
  });

  it('refuses an entry HighLevel cannot do, saying why', () => {
    const why = 'HighLevel v2 has no endpoint for it, so it cannot be run.';
    expect(chooseAction([entry({ unsupported: why, operations: [] })], 'do-it')).toMatchObject({
      ok: false,
      refusal: 'unsupported',
      why,
    });
  });

  it('runs an entry that takes an agency or a Location token', () => {
    const either = entry({ access: ['Agency-Access', 'Location-Access'] });
    expect(chooseAction([either], 'do-it')).toMatchObject({ ok: true });
  });
});

describe('the names close to an unknown one', () => {
  const actions = CATALOGUE.filter((e) => e.kind === 'action').map((e) => e.name);

  it.each([
    ['create-contacts', ['create-contact']],
    ['Create Contact', ['create-contact']],
    ['upsert_contact', ['upsert-contact']],
    ['add-tag-to-contact', ['add-tags-to-contact']],
    ['workflow', ['remove-from-workflow', 'add-contact-to-workflow']],
    ['launch-rocket', []],
  ])('%j -> starts with %j', (name, expected) => {
    expect(closeNames(name, actions).slice(0, expected.length)).toEqual(expected);
    if (expected.length === 0) expect(closeNames(name, actions)).toEqual([]);
  });

  it('compares nothing for a name longer than any action’s', () => {
    expect(closeNames(`create-contact${'x'.repeat(100)}`, actions)).toEqual([]);
  });

  it('suggests five names at most', () => {
    expect(closeNames('contact', actions)).toHaveLength(5);
  });
});

describe('a trigger run as its one read', () => {
  it('is chosen when triggers are asked for, and still refused when it cannot run', () => {
    expect(chooseAction(CATALOGUE, 'get-contact', { triggers: true })).toMatchObject({ ok: true });
    expect(chooseAction(CATALOGUE, 'list-snapshots', { triggers: true })).toMatchObject({
      ok: false,
      refusal: 'agency_only',
    });
  });
});
