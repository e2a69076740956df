/**
 * `POST|DELETE /opportunities/{id}/followers`: the users following an opportunity
 * (opportunities.json `FollowersDTO`). Remove takes `?isRemoveAllFollowers=true` to clear them
 * all, whatever the body names.
 */
import { unprocessable } from '../errors.js';
import { addFollowers, removeFollowers } from '../followers/core/followers.js';
import { followerIds } from '../followers/input.js';
import { opportunityOf } from '../opportunities/writes.js';
import { nowIso, route } from '../runtime.js';

/** The boolean query parameter `name`: absent is false; anything but true/false a 422. */
function booleanQuery(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  throw unprocessable([`${name} must be a boolean value`]);
}

export const addOpportunityFollowersRoute = route(
  'POST',
  '/opportunities/{id}/followers',
  ({ params, body, location, rt }) => {
    const ids = followerIds('opportunities', body);
    const opportunity = opportunityOf(rt, location, params.id!);
    const result = addFollowers(opportunity.followers, ids);
    if (result.followersAdded.length > 0) opportunity.updatedAt = nowIso(rt);
    opportunity.followers = result.followers;
    return { status: 201, body: result };
  },
);

export const removeOpportunityFollowersRoute = route(
  'DELETE',
  '/opportunities/{id}/followers',
  ({ params, query, body, location, rt }) => {
    const ids = followerIds('opportunities', body);
    const all = booleanQuery(query, 'isRemoveAllFollowers');
    const opportunity = opportunityOf(rt, location, params.id!);
    const result = removeFollowers(opportunity.followers, all ? opportunity.followers : ids);
    if (result.followersRemoved.length > 0) opportunity.updatedAt = nowIso(rt);
    opportunity.followers = result.followers;
    return { status: 200, body: result };
  },
);

export const opportunityFollowerRoutes = [
  addOpportunityFollowersRoute,
  removeOpportunityFollowersRoute,
];
