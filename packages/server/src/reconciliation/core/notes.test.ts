import { describe, expect, it } from 'vitest';
import { knownStatesOf } from './known.js';
import { noteFindings, notesOf } from './notes.js';

describe('notes', () => {
  const SINCE = Date.parse('2026-03-02T09:00:00Z');
  const notes = notesOf(
    {
      notes: [
        { id: 'n_new', dateAdded: '2026-03-02T09:30:00.000Z' },
        { id: 'n_old', dateAdded: '2026-03-01T09:30:00.000Z' },
        { id: 'n_told', dateAdded: '2026-03-02T09:10:00.000Z' },
        { id: 'n_undated' },
      ],
    },
    'c_1',
  );

  it('tells the notes added since, not told before', () => {
    const known = knownStatesOf([{ record_id: 'n_told', fingerprint: 'created', state_rank: 1 }]);
    expect(noteFindings(notes, known, 'loc_1', SINCE)).toEqual([
      {
        state: { kind: 'note', id: 'n_new', fingerprint: 'created', rank: 1 },
        change: {
          kind: 'note',
          action: 'created',
          id: 'n_new',
          locationId: 'loc_1',
          contactId: 'c_1',
        },
        tell: true,
      },
    ]);
  });
});
