import { describe, expect, it } from 'vitest';
import { isNews, knownStatesOf } from './known.js';
import { taskState, type RecordState } from './recordState.js';

const known = knownStatesOf([
  { record_id: 'a', fingerprint: 'x', state_rank: '100' },
  { record_id: 'a', fingerprint: 'y', state_rank: 200 },
  { record_id: 't', fingerprint: 'completed', state_rank: 2 },
]);
const appointment = (fingerprint: string, rank: number): RecordState => ({
  kind: 'appointment',
  id: 'a',
  fingerprint,
  rank,
});

describe('isNews', () => {
  it.each([
    ['a state already seen', appointment('x', 100), false],
    ['an older state not seen', appointment('z', 150), false],
    ['a newer state', appointment('z', 250), true],
    ['another state of the same rank (the same second)', appointment('z', 200), true],
    ['a record never seen', { ...appointment('x', 1), id: 'b' }, true],
    ['a task open again after it was completed', taskState('t', 'open'), false],
  ])('%s: %s', (_what, state, news) => {
    expect(isNews(state, known)).toBe(news);
  });

  it('knows the newest state of each record', () => {
    expect(known.get('a')?.newest).toEqual({ fingerprint: 'y', rank: 200 });
  });
});
