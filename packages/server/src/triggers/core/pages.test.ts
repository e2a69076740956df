import { describe, expect, it } from 'vitest';
import type { TriggerDetection } from '../../catalogue/core/entry.js';
import { MAX_PAGES, morePages, pageInput, pagingFor } from './pages.js';

const paging = { by: 'offset', field: 'skip', sizeField: 'limit', size: 100 } as const;
const detect: TriggerDetection = {
  list: 'users',
  holds: 'many',
  id: 'id',
  changeMarker: 'content',
  paging,
};

describe('which pages a poll reads', () => {
  it('pages a list whose entry says how, unless the caller asked for one page', () => {
    expect(pagingFor(detect, {})).toEqual(paging);
    expect(pagingFor(detect, { skip: 200 })).toBeUndefined();
    expect(pagingFor({ ...detect, paging: undefined }, {})).toBeUndefined();
  });

  it('sets the page field by items skipped or by page number, at the size asked', () => {
    expect(pageInput({ q: 'x' }, paging, 2)).toEqual({ q: 'x', skip: 200, limit: 100 });
    expect(pageInput({ limit: 10 }, paging, 2)).toEqual({ skip: 20, limit: 10 });
    const byPage = { by: 'page', field: 'page', sizeField: 'pageLimit', size: 50 } as const;
    expect(pageInput({}, byPage, 0)).toEqual({ page: 1, pageLimit: 50 });
  });

  it('stops at a short page, or after MAX_PAGES', () => {
    expect(morePages(paging, {}, 0, 100)).toBe(true);
    expect(morePages(paging, {}, 0, 99)).toBe(false);
    expect(morePages(paging, { limit: 10 }, 3, 10)).toBe(true);
    expect(morePages(paging, {}, MAX_PAGES - 1, 100)).toBe(false);
    expect(morePages(undefined, {}, 0, 100)).toBe(false);
  });
});
