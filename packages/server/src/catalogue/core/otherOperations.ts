/**
 * The connector's Other Operations category: Locations (sub-accounts), custom fields, the
 * agency, associations and relations between records, and blogs.
 * HighLevel: https://marketplace.gohighlevel.com/docs/ghl/associations/find-associations and its siblings.
 */
import { action, byOffset, changed, many, one, trigger } from './draft.js';
import type { EntryDraft } from './entry.js';

const LIST_NOTE =
  'The spec describes the answer as a single association (the schema of get-association); a search can match several, so the answer here is the list of them, each watched as an item.';

const RELATIONS_NOTE =
  'The spec describes the answer as a single association; HighLevel answers the record’s relations, so the answer here is the list of them, each watched as an item.';

export const otherOperations: readonly EntryDraft[] = [
  trigger(
    'List Locations',
    'Get all locations',
    'GET /locations/search',
    many('locations', 'id', 'content', byOffset('skip', 'limit', 100)),
  ),
  trigger(
    'List Custom Fields',
    'View custom field definitions',
    'GET /locations/{locationId}/customFields',
    many('customFields', 'id', 'content'),
  ),
  trigger(
    'Get Company',
    'Retrieve company information',
    'GET /companies/{companyId}',
    one('company', 'id', 'content'),
  ),
  trigger(
    'Find Associations',
    'Search associations',
    'GET /associations/',
    many('associations', 'id', 'content'),
    { note: LIST_NOTE },
  ),
  trigger(
    'Get Association',
    'Retrieve association details',
    'GET /associations/{associationId}',
    one('', 'id', 'content'),
  ),
  trigger(
    'Get Association Key',
    'Get key by name',
    'GET /associations/key/{key_name}',
    one('', 'id', 'content'),
  ),
  trigger(
    'Get Association by Keys',
    'Find by object keys',
    'GET /associations/objectKey/{objectKey}',
    many('associations', 'id', 'content'),
    { note: LIST_NOTE },
  ),
  trigger(
    'Get Relations by Record',
    'List record relations',
    'GET /associations/relations/{recordId}',
    many('relations', 'id', 'content'),
    { note: RELATIONS_NOTE },
  ),
  trigger(
    'Check Blog URL Slug',
    'Verify slug availability',
    'GET /blogs/posts/url-slug-exists',
    one('', null, 'content'),
  ),
  trigger(
    'Get Blog Authors',
    'List blog authors',
    'GET /blogs/authors',
    many('authors', '_id', changed('updatedAt')),
  ),
  trigger(
    'Get Blog Categories',
    'List blog categories',
    'GET /blogs/categories',
    many('categories', '_id', changed('updatedAt')),
  ),
  trigger(
    'Get Blog Posts',
    'List posts by blog',
    'GET /blogs/posts/all',
    many('blogs', '_id', changed('updatedAt'), byOffset('offset', 'limit', 100)),
  ),
  trigger(
    'Get Blogs by Location',
    'List location blogs',
    'GET /blogs/site/all',
    many('data', '_id', 'content'),
  ),
  action('Find Location by ID', 'Retrieve location details', 'GET /locations/{locationId}'),
  action('Create Location', 'Add new location', 'POST /locations/'),
  action('Create Association', 'Link related records', 'POST /associations/'),
  action('Update Association', 'Modify association', 'PUT /associations/{associationId}'),
  action('Delete Association', 'Remove association', 'DELETE /associations/{associationId}'),
  action('Create Relation', 'Establish record relation', 'POST /associations/relations'),
  action(
    'Delete Relation',
    'Remove record relation',
    'DELETE /associations/relations/{relationId}',
  ),
  action('Create Blog Post', 'Publish new blog post', 'POST /blogs/posts'),
  action('Update Blog Post', 'Edit blog post', 'PUT /blogs/posts/{postId}'),
];
