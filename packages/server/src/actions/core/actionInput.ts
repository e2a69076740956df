/**
 * An action's input as the HighLevel request it becomes: the connected Location's id filled in
 * where the operation takes one and the caller left it out, then each field put where the
 * catalogue says (`placement`): a path parameter, a query parameter, a property of the JSON body,
 * or the whole body.
 */
import type { CatalogueEntry } from '../../catalogue/core/entry.js';

/** The parts of a HighLevel request, as the client's `raw` takes them. */
export interface PlacedRequest {
  path: Record<string, string | number>;
  query: Record<string, unknown>;
  /** Undefined when no field goes in the body. */
  body: unknown;
}

/** The names operations give the Location's id: `locationId`, and `location_id` in opportunity search. */
export const LOCATION_FIELDS = ['locationId', 'location_id'];

/**
 * `input` with the Location's id set to the connected Location where the operation takes it (in
 * its path, query or body, as `locationId` or `location_id`) and the caller left it out;
 * otherwise `input` as it is.
 *
 * @example withLocation(findCatalogueEntry('create-contact')!, { email: 'a@b.co' }, 'loc_1')
 * // { email: 'a@b.co', locationId: 'loc_1' }
 */
export function withLocation(
  entry: Pick<CatalogueEntry, 'placement'>,
  input: Readonly<Record<string, unknown>>,
  locationId: string,
): Record<string, unknown> {
  const field = LOCATION_FIELDS.find((name) => Object.hasOwn(entry.placement, name));
  if (field === undefined || input[field] !== undefined) return { ...input };
  return { ...input, [field]: locationId };
}

/**
 * The request for `input` (already checked against the entry's input schema).
 *
 * @example placeInput(findCatalogueEntry('add-tags-to-contact')!, { contactId: 'c1', tags: ['vip'] })
 * // { path: { contactId: 'c1' }, query: {}, body: { tags: ['vip'] } }
 */
export function placeInput(
  entry: Pick<CatalogueEntry, 'placement'>,
  input: Readonly<Record<string, unknown>>,
): PlacedRequest {
  const placed: PlacedRequest = { path: {}, query: {}, body: undefined };
  const body: Record<string, unknown> = {};
  let hasBody = false;
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    switch (entry.placement[field]) {
      case 'path':
        placed.path[field] = value as string | number;
        break;
      case 'query':
        placed.query[field] = value;
        break;
      case 'body':
        body[field] = value;
        hasBody = true;
        break;
      case 'whole-body':
        placed.body = value;
        break;
    }
  }
  if (hasBody) placed.body = body;
  return placed;
}
