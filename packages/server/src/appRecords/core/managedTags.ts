/**
 * The app's managed tags on a HighLevel contact: the tags the app sends are added, and a tag the
 * bridge applied for this record earlier and the app no longer sends is removed. Tags the bridge
 * did not apply (staff's own, a workflow's, booking sync's) are never removed, and a version that
 * sends no `tags` leaves the tags alone. The difference is booking sync's (`tagDiff`): the same
 * rule, with the app's tags as the desired set.
 */
import { tagDiff, type TagDiff } from '../../bookingSync/core/tags.js';

/**
 * The tag calls for a version that sent `sent` (undefined: no `tags`), given the tags the bridge
 * applied for the record and the contact's tags as HighLevel answered the contact write.
 *
 * @example
 * managedTagDiff(['gold'], ['silver'], ['silver', 'staff-pick'])
 * // { add: ['gold'], remove: ['silver'], nextApplied: ['gold'] }
 */
export function managedTagDiff(
  sent: readonly string[] | undefined,
  applied: readonly string[],
  onContact: readonly string[],
): TagDiff | undefined {
  if (sent === undefined) return undefined;
  return tagDiff({ desired: sent, appliedByUs: applied, onContact });
}

/**
 * What counts as applied by the bridge from the start of the tag add: the tags it adds and those
 * the removal after it will take off. An add whose answer is lost may have applied its tags; not
 * counted as ours, they would look like the user's own to every later difference and stay.
 *
 * @example appliedDuringAdd({ add: ['gold'], remove: ['silver'], nextApplied: ['gold'] }) // ['gold', 'silver']
 */
export function appliedDuringAdd(diff: TagDiff): string[] {
  return [...new Set([...diff.nextApplied, ...diff.remove])].sort();
}
