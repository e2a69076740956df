/**
 * `POST|DELETE /contacts/{contactId}/followers`: the users following a contact (contacts.json
 * `FollowersDTO`). Add answers 201 with every follower and the ids it added; remove 200 with the
 * followers left and the ids it removed.
 */
import { contactOf } from '../contacts/lookup.js';
import { addFollowers, removeFollowers } from '../followers/core/followers.js';
import { followerIds } from '../followers/input.js';
import { nowIso, route, type RouteRequest } from '../runtime.js';

function changeFollowers({ params, body, location, rt }: RouteRequest, add: boolean) {
  const ids = followerIds('contacts', body);
  const contact = contactOf(rt, location, params.contactId!);
  const current = contact.followers ?? [];
  if (add) {
    const result = addFollowers(current, ids);
    if (result.followersAdded.length > 0) contact.dateUpdated = nowIso(rt);
    contact.followers = result.followers;
    return { status: 201, body: result };
  }
  const result = removeFollowers(current, ids);
  if (result.followersRemoved.length > 0) contact.dateUpdated = nowIso(rt);
  contact.followers = result.followers;
  return { status: 200, body: result };
}

export const addContactFollowersRoute = route('POST', '/contacts/{contactId}/followers', (req) =>
  changeFollowers(req, true),
);

export const removeContactFollowersRoute = route(
  'DELETE',
  '/contacts/{contactId}/followers',
  (req) => changeFollowers(req, false),
);

export const contactFollowerRoutes = [addContactFollowersRoute, removeContactFollowersRoute];
