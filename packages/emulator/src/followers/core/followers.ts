/**
 * Followers of a contact or an opportunity: the users who get its notifications. HighLevel's
 * `FollowersDTO` takes user ids; the answers name the followers after the change and which ids
 * it added or removed (`CreateAddFollowersSuccessfulResponseDto`,
 * `DeleteFollowersSuccessfulResponseDto` in contacts.json and opportunities.json).
 */

/**
 * `current` with `wanted` appended where not already there.
 *
 * @example
 * addFollowers(['u1'], ['u1', 'u2', 'u2']); // { followers: ['u1', 'u2'], followersAdded: ['u2'] }
 */
export function addFollowers(current: readonly string[], wanted: readonly string[]) {
  const followersAdded = [...new Set(wanted)].filter((id) => !current.includes(id));
  return { followers: [...current, ...followersAdded], followersAdded };
}

/**
 * `current` without `unwanted`; `followersRemoved` names only ids that were following.
 *
 * @example
 * removeFollowers(['u1', 'u2'], ['u2', 'u9']); // { followers: ['u1'], followersRemoved: ['u2'] }
 */
export function removeFollowers(current: readonly string[], unwanted: readonly string[]) {
  return {
    followers: current.filter((id) => !unwanted.includes(id)),
    followersRemoved: current.filter((id) => unwanted.includes(id)),
  };
}
