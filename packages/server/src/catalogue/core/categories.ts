/**
 * The catalogue as the connector lists it: its eight categories in order, each with its entries
 * in order (124 in all: 55 polling triggers, 69 actions).
 */
import { businesses } from './businesses.js';
import { calendars } from './calendars.js';
import { contacts } from './contacts.js';
import { conversations } from './conversations.js';
import type { Category, EntryDraft } from './entry.js';
import { opportunities } from './opportunities.js';
import { otherOperations } from './otherOperations.js';
import { users } from './users.js';
import { workflows } from './workflows.js';

export interface CategoryDrafts {
  category: Category;
  entries: readonly EntryDraft[];
}

export const CATALOGUE_DRAFTS: readonly CategoryDrafts[] = [
  { category: 'Contacts', entries: contacts },
  { category: 'Calendars & Appointments', entries: calendars },
  { category: 'Opportunities', entries: opportunities },
  { category: 'Users', entries: users },
  { category: 'Conversations & Messages', entries: conversations },
  { category: 'Businesses', entries: businesses },
  { category: 'Workflows & Campaigns', entries: workflows },
  { category: 'Other Operations', entries: otherOperations },
];

/**
 * `METHOD path` of an operation, the key of the generated operation table.
 *
 * @example operationKey({ method: 'GET', path: '/contacts/{contactId}' }) // 'GET /contacts/{contactId}'
 */
export function operationKey(op: { method: string; path: string }): string {
  return `${op.method} ${op.path}`;
}
