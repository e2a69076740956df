import { describe, expect, it } from 'vitest';
import { findCatalogueEntry } from '../../catalogue/core/catalogue.js';
import type { InputPlacement } from '../../catalogue/core/entry.js';
import { placeInput, withLocation } from './actionInput.js';

const entry = (name: string) => findCatalogueEntry(name)!;

describe("filling in the connected Location's id", () => {
  it.each([
    ['create-contact', { email: 'a@b.co' }, { email: 'a@b.co', locationId: 'loc_1' }],
    ['find-contact', { email: 'a@b.co' }, { email: 'a@b.co', locationId: 'loc_1' }],
    ['find-location-by-id', {}, { locationId: 'loc_1' }],
    ['create-contact', { locationId: 'loc_2' }, { locationId: 'loc_2' }],
    ['delete-contact', { contactId: 'c1' }, { contactId: 'c1' }],
    ['search-opportunities', { status: 'open' }, { status: 'open', location_id: 'loc_1' }],
  ])('%s %j -> %j', (name, input, expected) => {
    expect(withLocation(entry(name), input, 'loc_1')).toEqual(expected);
  });
});

describe('putting each field where the operation takes it', () => {
  const placement: Record<string, InputPlacement> = {
    id: 'path',
    limit: 'query',
    name: 'body',
    items: 'whole-body',
  };
  it.each([
    [
      { id: 'x', limit: 5 },
      { path: { id: 'x' }, query: { limit: 5 }, body: undefined },
    ],
    [
      { id: 'x', name: 'N' },
      { path: { id: 'x' }, query: {}, body: { name: 'N' } },
    ],
    [{ items: [1, 2] }, { path: {}, query: {}, body: [1, 2] }],
    [{ name: undefined }, { path: {}, query: {}, body: undefined }],
  ])('%j -> %j', (input, expected) => {
    expect(placeInput({ placement }, input)).toEqual(expected);
  });

  it('places a real entry: the path id, the body fields', () => {
    const input = { contactId: 'c1', tags: ['vip'] };
    expect(placeInput(entry('remove-tags-from-contact'), input)).toEqual({
      path: { contactId: 'c1' },
      query: {},
      body: { tags: ['vip'] },
    });
    expect(placeInput(entry('find-contact'), { locationId: 'l', email: 'e' })).toEqual({
      path: {},
      query: { locationId: 'l', email: 'e' },
      body: undefined,
    });
  });
});
