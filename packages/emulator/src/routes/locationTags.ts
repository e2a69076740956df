/**
 * Location tags `/locations/{locationId}/tags[/{tagId}]` (locations.json tagBody). Tags added
 * to contacts appear here too; renaming or deleting a tag does the same on the contacts.
 */
import { normalizeTags } from '../contacts/core/normalize.js';
import { dtoRules, validBody } from '../dto.js';
import { badRequest, unprocessable } from '../errors.js';
import { newId } from '../ids.js';
import { nowIso, route, type RouteRequest } from '../runtime.js';
import type { LocationTagRecord } from '../locations/model.js';

const tagRules = dtoRules('locations', 'tagBody');

const tagsOf = ({ rt, location }: RouteRequest) =>
  Object.values(rt.state.tags).filter((t) => t.locationId === location.id);

function tagOf(req: RouteRequest): LocationTagRecord {
  const tag = tagsOf(req).find((t) => t.id === req.params.tagId);
  if (!tag) throw badRequest(`Tag not found for id:${req.params.tagId}`);
  return tag;
}

/** The tag name as stored (lower-cased, trimmed); a 422 when it is empty. */
function tagName(req: RouteRequest): string {
  const [name] = normalizeTags([String(validBody(tagRules, req.body).name)]);
  if (!name) throw unprocessable(['name should not be empty']);
  return name;
}

/** Renames (or, with `to` null, removes) the tag on every contact of the Location. */
function retagContacts(req: RouteRequest, from: string, to: string | null) {
  for (const contact of Object.values(req.rt.state.contacts)) {
    if (contact.locationId !== req.location.id || !contact.tags.includes(from)) continue;
    const tags = contact.tags.filter((t) => t !== from);
    contact.tags = to ? normalizeTags([...tags, to]) : tags;
    contact.dateUpdated = nowIso(req.rt);
  }
}

export const listLocationTagsRoute = route('GET', '/locations/{locationId}/tags', (req) => ({
  status: 200,
  body: { tags: tagsOf(req).sort((a, b) => a.name.localeCompare(b.name)) },
}));

/** HighLevel answers 200 (not 201) here (locations.json). */
export const createLocationTagRoute = route('POST', '/locations/{locationId}/tags', (req) => {
  const name = tagName(req);
  if (tagsOf(req).some((t) => t.name === name)) throw badRequest(`Tag ${name} already exists`);
  const tag: LocationTagRecord = { id: newId(), locationId: req.location.id, name };
  req.rt.state.tags[tag.id] = tag;
  return { status: 200, body: { tag } };
});

export const getLocationTagRoute = route('GET', '/locations/{locationId}/tags/{tagId}', (req) => ({
  status: 200,
  body: { tag: tagOf(req) },
}));

export const updateLocationTagRoute = route(
  'PUT',
  '/locations/{locationId}/tags/{tagId}',
  (req) => {
    const tag = tagOf(req);
    const name = tagName(req);
    if (name !== tag.name && tagsOf(req).some((t) => t.name === name)) {
      throw badRequest(`Tag ${name} already exists`);
    }
    retagContacts(req, tag.name, name);
    tag.name = name;
    return { status: 200, body: { tag } };
  },
);

export const deleteLocationTagRoute = route(
  'DELETE',
  '/locations/{locationId}/tags/{tagId}',
  (req) => {
    const tag = tagOf(req);
    retagContacts(req, tag.name, null);
    delete req.rt.state.tags[tag.id];
    return { status: 200, body: { succeded: true } };
  },
);

export const locationTagRoutes = [
  listLocationTagsRoute,
  createLocationTagRoute,
  getLocationTagRoute,
  updateLocationTagRoute,
  deleteLocationTagRoute,
];
