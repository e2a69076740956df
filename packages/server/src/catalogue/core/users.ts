/**
 * The connector's Users category: the team members of an agency and its Locations.
 * HighLevel: https://marketplace.gohighlevel.com/docs/ghl/users/search-users and its siblings.
 */
import { action, byOffset, many, one, trigger } from './draft.js';
import type { EntryDraft } from './entry.js';

export const users: readonly EntryDraft[] = [
  trigger(
    'Search Users',
    'Find users with filters',
    'GET /users/search',
    many('users', 'id', 'content', byOffset('skip', 'limit', 100)),
  ),
  trigger(
    'Filter Users by Email',
    'Search users by email address',
    'POST /users/search/filter-by-email',
    many('users', 'id', 'content'),
  ),
  trigger('Get User', 'Retrieve user details', 'GET /users/{userId}', one('', 'id', 'content')),
  trigger(
    'List Users by Location',
    'Get users in specific location',
    'GET /users/search',
    many('users', 'id', 'content', byOffset('skip', 'limit', 100)),
    {
      note: 'HighLevel deprecated `GET /users/` (Get User by Location); this uses its replacement, `GET /users/search` with `locationId`, which also needs the agency’s `companyId` (https://marketplace.gohighlevel.com/docs/ghl/users/get-user-by-location).',
    },
  ),
  action('Create User', 'Add new user to system', 'POST /users/'),
  action('Update User', 'Modify user information', 'PUT /users/{userId}'),
  action('Delete User', 'Remove user from system', 'DELETE /users/{userId}'),
];
