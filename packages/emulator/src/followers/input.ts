/** The user ids a followers request names (`FollowersDTO`, the same in contacts and opportunities). */
import { dtoRules, validBody } from '../dto.js';
import { unprocessable } from '../errors.js';

const rules = {
  contacts: dtoRules('contacts', 'FollowersDTO'),
  opportunities: dtoRules('opportunities', 'FollowersDTO'),
};

/**
 * `body.followers`, or HighLevel's 422: the DTO's whitelist, and class-validator's `IsString`
 * on each item.
 */
export function followerIds(service: keyof typeof rules, body: unknown): string[] {
  const followers = validBody(rules[service], body).followers as unknown[];
  if (followers.some((id) => typeof id !== 'string')) {
    throw unprocessable(['each value in followers must be a string']);
  }
  return followers as string[];
}
