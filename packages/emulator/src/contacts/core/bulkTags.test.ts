import { describe, expect, it } from 'vitest';
import { contactError, tagChange } from './bulkTags.js';

describe('tagChange', () => {
  it('adds only the tags a contact lacks', () => {
    expect(tagChange(['vip'], ['vip', 'new'], 'add', false)).toEqual({
      tags: ['vip', 'new'],
      tagsAdded: ['new'],
      tagsRemoved: [],
    });
  });

  it('removes the named tags, reporting only those the contact had', () => {
    expect(tagChange(['vip', 'lapsed'], ['lapsed', 'never'], 'remove', false)).toEqual({
      tags: ['vip'],
      tagsAdded: [],
      tagsRemoved: ['lapsed'],
    });
  });

  it('removes every tag with removeAll', () => {
    expect(tagChange(['vip', 'lapsed'], [], 'remove', true)).toEqual({
      tags: [],
      tagsAdded: [],
      tagsRemoved: ['vip', 'lapsed'],
    });
  });
});

describe('contactError', () => {
  const here = 'LocationA00000000001';
  it('names a malformed id, a missing contact and another Location’s', () => {
    expect(contactError('abcdef', undefined, here)).toBe('contact id is not a valid firebase id');
    expect(contactError('qFSqySFkVvNzOSqgGqFi', undefined, here)).toBe('contact is deleted');
    expect(contactError('qFSqySFkVvNzOSqgGqFi', { locationId: 'Elsewhere' }, here)).toBe(
      'contact does not belong to location',
    );
    expect(contactError('qFSqySFkVvNzOSqgGqFi', { locationId: here }, here)).toBeNull();
  });
});
