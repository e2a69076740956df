/**
 * The connector's Businesses category: the companies contacts belong to.
 * HighLevel: https://marketplace.gohighlevel.com/docs/ghl/businesses/get-business and its siblings.
 */
import { action, byOffset, changed, many, one, trigger } from './draft.js';
import type { EntryDraft } from './entry.js';

export const businesses: readonly EntryDraft[] = [
  trigger(
    'Get Business',
    'Retrieve business details',
    'GET /businesses/{businessId}',
    one('business', 'id', changed('updatedAt')),
  ),
  trigger(
    'List Businesses by Location',
    'Get all businesses in location',
    'GET /businesses/',
    many('businesses', 'id', changed('updatedAt'), byOffset('skip', 'limit', 100)),
  ),
  action('Create Business', 'Add new business', 'POST /businesses/'),
  action('Update Business', 'Modify business details', 'PUT /businesses/{businessId}'),
  action('Delete Business', 'Remove business', 'DELETE /businesses/{businessId}'),
];
