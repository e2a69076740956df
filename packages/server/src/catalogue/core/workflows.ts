/**
 * The connector's Workflows & Campaigns category: listing workflows, snapshots and campaigns,
 * and a contact's workflows, followers and business.
 * HighLevel: https://marketplace.gohighlevel.com/docs/ghl/workflows/get-workflow and its siblings.
 */
import { action, changed, many, trigger } from './draft.js';
import type { EntryDraft } from './entry.js';

export const workflows: readonly EntryDraft[] = [
  trigger(
    'List Workflows',
    'Get all workflows',
    'GET /workflows/',
    many('workflows', 'id', changed('updatedAt')),
  ),
  trigger(
    'List Snapshots',
    'View available snapshots',
    'GET /snapshots/',
    many('snapshots', 'id', 'new-ids-only'),
  ),
  trigger(
    'List Campaigns',
    'Get all campaigns',
    'GET /campaigns/',
    many('campaigns', 'id', 'content'),
  ),
  action(
    'Add Contact to Workflow',
    'Enroll in workflow automation',
    'POST /contacts/{contactId}/workflow/{workflowId}',
  ),
  action(
    'Remove from Workflow',
    'Unenroll from workflow',
    'DELETE /contacts/{contactId}/workflow/{workflowId}',
  ),
  action(
    'Add Contact Followers',
    'Assign followers to contact',
    'POST /contacts/{contactId}/followers',
  ),
  action(
    'Remove Contact Followers',
    'Unassign followers',
    'DELETE /contacts/{contactId}/followers',
  ),
  action(
    'Bulk Business Update',
    'Add/remove contacts from business',
    'POST /contacts/bulk/business',
  ),
];
