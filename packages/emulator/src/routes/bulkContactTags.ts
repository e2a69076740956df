/**
 * `POST /contacts/bulk/tags/update/{type}` (contacts.json `UpdateTagsDTO`): add (`type` add) or
 * remove (`type` remove, or every tag with `removeAllTags`) tags on many contacts at once. It
 * answers 201 with one entry per id sent; an id that names no contact of the Location is
 * reported there and counted in `errorCount`, the others are still updated.
 */
import { ensureLocationTags } from '../contacts/contactWrites.js';
import {
  BULK_TAG_TYPES,
  contactError,
  tagChange,
  type BulkTagType,
} from '../contacts/core/bulkTags.js';
import { normalizeTags } from '../contacts/core/normalize.js';
import { contactView } from '../contacts/view.js';
import { dtoRules, validBody } from '../dto.js';
import { unprocessable } from '../errors.js';
import { emit, nowIso, route } from '../runtime.js';

const rules = dtoRules('contacts', 'UpdateTagsDTO');

/** An integration's notes report HighLevel refusing more than 500 contacts per call. */
const MAX_CONTACTS = 500;

function checkInput(type: string, input: Record<string, unknown>): BulkTagType {
  const errors: string[] = [];
  if (!BULK_TAG_TYPES.includes(type as BulkTagType)) {
    errors.push(`type must be one of the following values: ${BULK_TAG_TYPES.join(', ')}`);
  }
  for (const name of ['contacts', 'tags']) {
    if ((input[name] as unknown[]).some((v) => typeof v !== 'string')) {
      errors.push(`each value in ${name} must be a string`);
    }
  }
  if ((input.contacts as unknown[]).length > MAX_CONTACTS) {
    errors.push(`contacts must contain no more than ${MAX_CONTACTS} elements`);
  }
  if (input.removeAllTags === true && type !== 'remove') {
    errors.push('removeAllTags can only be used with the remove type');
  }
  if (errors.length > 0) throw unprocessable(errors);
  return type as BulkTagType;
}

export const bulkContactTagsRoute = route(
  'POST',
  '/contacts/bulk/tags/update/{type}',
  ({ params, body, location, rt }) => {
    const input = validBody(rules, body);
    const type = checkInput(params.type!, input);
    const tags = normalizeTags(input.tags as string[]);
    const removeAll = input.removeAllTags === true;
    const responses = (input.contacts as string[]).map((contactId) => {
      const contact = rt.state.contacts[contactId];
      const error = contactError(contactId, contact, location.id);
      if (error || !contact) return { contactId, message: error, type: 'error' };
      const oldTags = contact.tags;
      const change = tagChange(oldTags, tags, type, removeAll);
      if (change.tagsAdded.length > 0 || change.tagsRemoved.length > 0) {
        contact.tags = change.tags;
        ensureLocationTags(rt, location.id, change.tagsAdded);
        contact.dateUpdated = nowIso(rt);
        emit(rt, {
          type: 'ContactTagUpdate',
          locationId: location.id,
          payload: contactView(contact),
        });
      }
      const { tagsAdded, tagsRemoved } = change;
      return {
        contactId,
        message: 'Tags updated',
        type: 'success',
        oldTags,
        tagsAdded,
        tagsRemoved,
      };
    });
    const errorCount = responses.filter((r) => r.type === 'error').length;
    return { status: 201, body: { succeded: errorCount === 0, errorCount, responses } };
  },
);

export const bulkContactTagRoutes = [bulkContactTagsRoute];
