/**
 * The connector's Contacts category: contacts, their tasks and notes, tags and campaigns.
 * HighLevel: https://marketplace.gohighlevel.com/docs/ghl/contacts/get-contact and its siblings.
 */
import { action, byOffset, byPage, changed, many, one, trigger } from './draft.js';
import type { EntryDraft } from './entry.js';

const SEARCH_SCHEMAS_NOTE =
  'The spec leaves the body and the answer of contact search undescribed; both follow HighLevel’s Search Contacts page (https://marketplace.gohighlevel.com/docs/ghl/contacts/search-contacts-advanced).';

export const contacts: readonly EntryDraft[] = [
  trigger(
    'Get Contact',
    'Retrieve a specific contact by ID',
    'GET /contacts/{contactId}',
    one('contact', 'id', changed('dateUpdated')),
  ),
  trigger(
    'Search Contacts',
    'Advanced search with filters',
    'POST /contacts/search',
    many('contacts', 'id', changed('dateUpdated'), byPage('page', 'pageLimit', 100)),
    { note: SEARCH_SCHEMAS_NOTE },
  ),
  trigger(
    'Get Contacts by Business',
    'Retrieve contacts linked to a business',
    'GET /contacts/business/{businessId}',
    many('contacts', 'id', 'new-ids-only', byOffset('skip', 'limit', 100)),
  ),
  trigger(
    'Get Duplicate Contact',
    'Check for duplicate contacts',
    'GET /contacts/search/duplicate',
    one('contact', 'id', changed('dateUpdated')),
    {
      note: 'Looks the contact up as HighLevel’s duplicate rules do: by the Location’s unique identifier, or email then phone when duplicates are allowed. The spec has no answer schema: HighLevel answers `{contact}`, `{contact: null}` when none matches (docs/highlevel-behaviour.md, Contact search).',
    },
  ),
  trigger(
    'Get Contact Appointments',
    'List all appointments for a contact',
    'GET /contacts/{contactId}/appointments',
    many('events', 'id', changed('dateUpdated')),
  ),
  // Tasks and notes carry no update time in the spec: any change of their content is news.
  trigger(
    'Get Contact Tasks',
    'Retrieve all tasks for a contact',
    'GET /contacts/{contactId}/tasks',
    many('tasks', 'id', 'content'),
  ),
  trigger(
    'Get Contact Task by ID',
    'Get specific task details',
    'GET /contacts/{contactId}/tasks/{taskId}',
    one('task', 'id', 'content'),
  ),
  trigger(
    'Get Contact Notes',
    'List all notes for a contact',
    'GET /contacts/{contactId}/notes',
    many('notes', 'id', 'content'),
  ),
  trigger(
    'Get Contact Note by ID',
    'Retrieve specific note details',
    'GET /contacts/{contactId}/notes/{id}',
    one('note', 'id', 'content'),
  ),
  trigger(
    'List Contacts (Deprecated)',
    'Legacy contact listing method',
    'POST /contacts/search',
    many('contacts', 'id', changed('dateUpdated'), byPage('page', 'pageLimit', 100)),
    {
      note: 'HighLevel deprecated `GET /contacts/` (Get Contacts); this uses its replacement, `POST /contacts/search` (https://marketplace.gohighlevel.com/docs/ghl/contacts/get-contacts).',
    },
  ),
  action('Create Contact', 'Add a new contact to the system', 'POST /contacts/'),
  action('Update Contact', 'Modify existing contact information', 'PUT /contacts/{contactId}'),
  action('Find Contact', 'Search by email, phone, or ID', 'GET /contacts/search/duplicate', {
    note: 'Finds by email or phone (HighLevel’s duplicate lookup); a contact whose id is known is read with get-contact.',
  }),
  action('Delete Contact', 'Remove a contact permanently', 'DELETE /contacts/{contactId}'),
  action('Upsert Contact', 'Create or update contact automatically', 'POST /contacts/upsert'),
  action('Add Tags to Contact', 'Tag contacts for organization', 'POST /contacts/{contactId}/tags'),
  action('Remove Tags from Contact', 'Remove specific tags', 'DELETE /contacts/{contactId}/tags'),
  action(
    'Bulk Update Contact Tags',
    'Add or remove multiple tags at once',
    'POST /contacts/bulk/tags/update/{type}',
  ),
  action('Create Contact Task', 'Add a new task for a contact', 'POST /contacts/{contactId}/tasks'),
  action(
    'Update Contact Task',
    'Modify existing task details',
    'PUT /contacts/{contactId}/tasks/{taskId}',
  ),
  action(
    'Complete Contact Task',
    'Mark task as complete',
    'PUT /contacts/{contactId}/tasks/{taskId}/completed',
  ),
  action(
    'Delete Contact Task',
    'Remove a task permanently',
    'DELETE /contacts/{contactId}/tasks/{taskId}',
  ),
  action('Create Contact Note', 'Add notes to contact records', 'POST /contacts/{contactId}/notes'),
  action('Update Contact Note', 'Edit existing notes', 'PUT /contacts/{contactId}/notes/{id}'),
  action(
    'Delete Contact Note',
    'Remove notes from contacts',
    'DELETE /contacts/{contactId}/notes/{id}',
  ),
  action(
    'Add Contact to Campaign',
    'Enroll contact in campaign',
    'POST /contacts/{contactId}/campaigns/{campaignId}',
  ),
  action(
    'Remove from Campaign',
    'Remove contact from specific campaign',
    'DELETE /contacts/{contactId}/campaigns/{campaignId}',
  ),
  action(
    'Remove from All Campaigns',
    'Unenroll from all campaigns',
    'DELETE /contacts/{contactId}/campaigns/removeAll',
  ),
];
