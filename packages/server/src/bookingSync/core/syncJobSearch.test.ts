import { describe, expect, it } from 'vitest';
import { syncJobSearch } from './syncJobSearch.js';

describe('syncJobSearch', () => {
  it.each([
    ['ada@example.com', '%ada@example.com%', null],
    ['  Ada@Example.COM ', '%ada@example.com%', null],
    ['Lovelace', '%lovelace%', null],
    ['bk_1', '%bk\\_1%', null],
    ['100%', '%100\\%%', null],
    ['a\\b', '%a\\\\b%', null],
    ['(415) 555-0132', '%(415) 555-0132%', '%4155550132%'],
    ['+1 415.555.0132', '%+1 415.555.0132%', '%14155550132%'],
    ['0132', '%0132%', '%0132%'],
    ['41', '%41%', null],
    ['415-CALL', '%415-call%', null],
  ])('%j looks for %j and phone digits %j', (term, text, digits) => {
    expect(syncJobSearch(term)).toEqual({ text, digits });
  });

  it.each(['', '   ', '\t'])('looks for nothing in %j', (term) => {
    expect(syncJobSearch(term)).toBeUndefined();
  });
});
