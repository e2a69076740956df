import type { FreeSlotsByDate } from './freeSlots.js';

/**
 * The slots free for any of several users (free-slots `userIds`): per date, every slot that
 * appears in one of `answers`, once, in time order. Dates without slots stay out.
 *
 * @example
 * slotUnion([{ '2026-03-02': { slots: ['2026-03-02T09:00:00-05:00'] } },
 *            { '2026-03-02': { slots: ['2026-03-02T09:30:00-05:00'] } }]);
 * // { '2026-03-02': { slots: ['2026-03-02T09:00:00-05:00', '2026-03-02T09:30:00-05:00'] } }
 */
export function slotUnion(answers: readonly FreeSlotsByDate[]): FreeSlotsByDate {
  const byDate = new Map<string, Set<string>>();
  for (const answer of answers) {
    for (const [date, { slots }] of Object.entries(answer)) {
      const day = byDate.get(date) ?? new Set<string>();
      for (const slot of slots) day.add(slot);
      byDate.set(date, day);
    }
  }
  const union: FreeSlotsByDate = {};
  for (const date of [...byDate.keys()].sort()) {
    union[date] = { slots: [...byDate.get(date)!].sort((a, b) => Date.parse(a) - Date.parse(b)) };
  }
  return union;
}
