/**
 * The app's versions of a record: each PUT carries the app's revision, and only a newer one
 * changes anything, so a PUT sent twice (a retry of the app's own) has one effect.
 */

/**
 * `accepted`: newer than the stored version (or the first); `already_taken`: the stored version
 * itself; `stale`: older than the stored version, which stays.
 */
export type VersionOutcome = 'accepted' | 'already_taken' | 'stale';

/**
 * What a PUT of `incoming` does when `stored` is the version kept (undefined: none yet).
 *
 * @example versionOutcome(3, 2) // 'stale'
 */
export function versionOutcome(stored: number | undefined, incoming: number): VersionOutcome {
  if (stored === undefined || incoming > stored) return 'accepted';
  return incoming === stored ? 'already_taken' : 'stale';
}
