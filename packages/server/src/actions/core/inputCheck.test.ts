import { describe, expect, it } from 'vitest';
import { findCatalogueEntry } from '../../catalogue/core/catalogue.js';
import { inputProblems } from './inputCheck.js';

const problems = (name: string, input: Record<string, unknown>) =>
  inputProblems(findCatalogueEntry(name)!, input, 'loc_1');

describe("checking an action's input", () => {
  it.each([
    ['add-tags-to-contact', { contactId: 'c1', tags: ['vip'] }, []],
    ['add-tags-to-contact', { contactId: 'c1' }, [{ path: 'tags', message: 'required' }]],
    [
      'add-tags-to-contact',
      { contactId: 'c1', tags: 'vip' },
      [{ path: 'tags', message: 'must be array' }],
    ],
    [
      'add-tags-to-contact',
      { contactId: 'c1', tags: [7] },
      [{ path: 'tags.0', message: 'must be string' }],
    ],
    [
      'add-tags-to-contact',
      { contactId: 'c1', tags: [], colour: 'red' },
      [
        {
          path: 'colour',
          message: 'not an input of add-tags-to-contact; its inputs are in GET /v1/catalogue',
        },
      ],
    ],
    [
      'delete-contact',
      { contactId: '' },
      [{ path: 'contactId', message: 'must be an id, not empty, "." or ".."' }],
    ],
    [
      'delete-contact',
      { contactId: '..' },
      [{ path: 'contactId', message: 'must be an id, not empty, "." or ".."' }],
    ],
    ['delete-contact', { contactId: 'c1' }, []],
    ['create-contact', { locationId: 'loc_1', email: 'a@b.co' }, []],
    [
      'create-contact',
      { locationId: 'loc_2' },
      [
        {
          path: 'locationId',
          message: 'must be the connected Location loc_1 (or left out to use it)',
        },
      ],
    ],
    [
      'update-opportunity-status',
      { id: 'o1', status: 'maybe' },
      [{ path: 'status', message: 'must be one of "open", "won", "lost", "abandoned", "all"' }],
    ],
  ])('%s %j -> %j', (name, input, expected) => {
    expect(problems(name, input)).toEqual(expected);
  });

  it('names every wrong field at once', () => {
    expect(problems('create-contact-task', { title: 1 }).map((p) => p.path)).toEqual([
      'contactId',
      'dueDate',
      'completed',
      'title',
    ]);
  });
});
