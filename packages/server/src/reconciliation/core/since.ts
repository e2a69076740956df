/**
 * From when the poll looks for changes: since the last run that read a kind of record in full,
 * less a margin (HighLevel's clock and ours need not agree to the second, and its search finds a
 * contact a few seconds after it is written); before the first run, since the Location was
 * connected. States seen are kept 30 days; notes, which the poll reads only when their contact
 * changes, are looked at as far back as that.
 */

const DAY_MS = 86_400_000;

export const RECHECK_MS = 2 * 60_000;

/** How long a seen state is kept (`highlevel_changes`). */
export const STATES_KEPT_MS = 30 * DAY_MS;

/**
 * The earliest change time the poll looks at, in epoch ms.
 *
 * @example changesSince(null, Date.parse('2026-03-02T09:00:00Z')) // 2026-03-02T08:58:00Z in ms
 */
export function changesSince(checkedAt: number | null, connectedAt: number): number {
  return (checkedAt ?? connectedAt) - RECHECK_MS;
}

/**
 * The earliest note the poll tells of: added since the Location was connected, and not so long
 * ago that the record of it may have been forgotten (a day short of `STATES_KEPT_MS`).
 *
 * @example notesSince(0, STATES_KEPT_MS + 86_400_000) // 2 * 86_400_000
 */
export function notesSince(connectedAt: number, now: number): number {
  return Math.max(connectedAt - RECHECK_MS, now - STATES_KEPT_MS + DAY_MS);
}
