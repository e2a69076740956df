/** `POST|DELETE /contacts/{contactId}/tags`: add (append) and remove tags (contacts.json TagsDTO). */
import { contactOf } from '../contacts/lookup.js';
import { ensureLocationTags } from '../contacts/contactWrites.js';
import { normalizeTags } from '../contacts/core/normalize.js';
import { contactView } from '../contacts/view.js';
import { dtoRules, validBody } from '../dto.js';
import { emit, nowIso, route, type RouteRequest } from '../runtime.js';

const tagsRules = dtoRules('contacts', 'TagsDTO');

function changeTags({ params, body, location, rt }: RouteRequest, add: boolean) {
  const contact = contactOf(rt, location, params.contactId!);
  const tags = normalizeTags(validBody(tagsRules, body).tags as string[]);
  const before = contact.tags.length;
  contact.tags = add
    ? normalizeTags([...contact.tags, ...tags])
    : contact.tags.filter((t) => !tags.includes(t));
  if (add) ensureLocationTags(rt, location.id, tags);
  if (contact.tags.length !== before) {
    contact.dateUpdated = nowIso(rt);
    emit(rt, { type: 'ContactTagUpdate', locationId: location.id, payload: contactView(contact) });
  }
  return { status: add ? 201 : 200, body: { tags: contact.tags } };
}

export const addTagsRoute = route('POST', '/contacts/{contactId}/tags', (req) =>
  changeTags(req, true),
);
export const removeTagsRoute = route('DELETE', '/contacts/{contactId}/tags', (req) =>
  changeTags(req, false),
);

export const contactTagRoutes = [addTagsRoute, removeTagsRoute];
