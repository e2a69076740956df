import { describe, expect, it } from 'vitest';
import type { FreeSlotsByDate } from './freeSlots.js';
import { slotUnion } from './slotUnion.js';

interface Case {
  name: string;
  answers: FreeSlotsByDate[];
  union: FreeSlotsByDate;
}

describe('slotUnion', () => {
  it.each<Case>([
    { name: 'no answers', answers: [], union: {} },
    {
      name: 'one answer unchanged',
      answers: [{ '2026-03-02': { slots: ['2026-03-02T09:00:00-05:00'] } }],
      union: { '2026-03-02': { slots: ['2026-03-02T09:00:00-05:00'] } },
    },
    {
      name: 'a slot free for both users once, others merged in time order',
      answers: [
        { '2026-03-02': { slots: ['2026-03-02T09:30:00-05:00', '2026-03-02T10:00:00-05:00'] } },
        { '2026-03-02': { slots: ['2026-03-02T09:00:00-05:00', '2026-03-02T10:00:00-05:00'] } },
      ],
      union: {
        '2026-03-02': {
          slots: [
            '2026-03-02T09:00:00-05:00',
            '2026-03-02T09:30:00-05:00',
            '2026-03-02T10:00:00-05:00',
          ],
        },
      },
    },
    {
      name: 'dates from either answer, in date order',
      answers: [
        { '2026-03-03': { slots: ['2026-03-03T09:00:00-05:00'] } },
        { '2026-03-02': { slots: ['2026-03-02T09:00:00-05:00'] } },
      ],
      union: {
        '2026-03-02': { slots: ['2026-03-02T09:00:00-05:00'] },
        '2026-03-03': { slots: ['2026-03-03T09:00:00-05:00'] },
      },
    },
  ])('$name', ({ answers, union }) => {
    const result = slotUnion(answers);
    expect(result).toEqual(union);
    expect(Object.keys(result)).toEqual(Object.keys(union));
  });
});
