/**
 * The connector's Opportunities category: opportunities, their status and followers, pipelines.
 * HighLevel: https://marketplace.gohighlevel.com/docs/ghl/opportunities/search-opportunity and its siblings.
 */
import { action, byPage, changed, many, one, trigger } from './draft.js';
import type { EntryDraft } from './entry.js';

export const opportunities: readonly EntryDraft[] = [
  trigger(
    'Search Opportunities',
    'Find opportunities with filters',
    'GET /opportunities/search',
    many('opportunities', 'id', changed('updatedAt'), byPage('page', 'limit', 100)),
  ),
  trigger(
    'Get Opportunity',
    'Retrieve specific opportunity',
    'GET /opportunities/{id}',
    one('opportunity', 'id', changed('updatedAt')),
  ),
  trigger(
    'List Pipelines',
    'View all opportunity pipelines',
    'GET /opportunities/pipelines',
    many('pipelines', 'id', 'content'),
  ),
  action('Create Opportunity', 'Add new sales opportunity', 'POST /opportunities/'),
  action('Update Opportunity', 'Modify opportunity details', 'PUT /opportunities/{id}'),
  action('Delete Opportunity', 'Remove opportunity', 'DELETE /opportunities/{id}'),
  action(
    'Update Opportunity Status',
    'Change status (open, won, lost)',
    'PUT /opportunities/{id}/status',
  ),
  action('Upsert Opportunity', 'Create or update opportunity', 'POST /opportunities/upsert'),
  action('Add Followers', 'Assign team members to follow', 'POST /opportunities/{id}/followers'),
  action('Remove Followers', 'Unassign followers', 'DELETE /opportunities/{id}/followers'),
];
