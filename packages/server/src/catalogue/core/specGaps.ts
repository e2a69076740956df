/**
 * What HighLevel documents outside the spec for the few catalogue operations whose spec schema is
 * empty or wrong: contact search's body and answer, the duplicate lookup's answer, the
 * conversation messages page that HighLevel wraps, association names typed as objects and
 * association searches answered as one item (packages/emulator/DEVIATIONS.md lists the same). The catalogue's generator (packages/server/scripts/generateCatalogue.ts) fails once the
 * spec describes them, so this file cannot hide a newer spec.
 */
import type { JsonSchema } from './entry.js';

/** Fills for one operation: its JSON body's properties and its success answer. */
export interface SpecGap {
  body?: JsonSchema;
  answer?: JsonSchema;
  /** HighLevel answers the spec's schema wrapped in an object under this property. */
  answerWrappedIn?: string;
  /**
   * The spec answers one item where HighLevel answers a list of them: `{[property]: item[], total}`.
   */
  answerListIn?: string;
  /** Body properties the spec types wrongly, with the type HighLevel takes. */
  bodyFieldTypes?: Record<string, JsonSchema>;
}

/** The contact fields a trigger reads; HighLevel sends every field get-contact lists. */
const contactSummary: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    locationId: { type: 'string' },
    firstName: { type: ['string', 'null'] },
    lastName: { type: ['string', 'null'] },
    email: { type: ['string', 'null'] },
    phone: { type: ['string', 'null'] },
    tags: { type: 'array', items: { type: 'string' } },
    dateAdded: { type: 'string' },
    dateUpdated: { type: 'string' },
  },
};

const filter: JsonSchema = {
  type: 'object',
  description:
    '`{field, operator, value}` (operators `eq`, `not_eq`, `contains`, `not_contains`, `exists`, `not_exists`, `range`) or a group `{group: "AND" | "OR", filters}`',
};

function associationNames(): Record<string, JsonSchema> {
  const name = { type: 'string' };
  return {
    firstObjectLabel: name,
    firstObjectKey: name,
    secondObjectLabel: name,
    secondObjectKey: name,
  };
}

/**
 * Keyed by `METHOD path`.
 *
 * @example SPEC_GAPS['POST /contacts/search']?.body
 */
export const SPEC_GAPS: Readonly<Record<string, SpecGap>> = {
  // https://marketplace.gohighlevel.com/docs/ghl/contacts/search-contacts-advanced
  'POST /contacts/search': {
    body: {
      type: 'object',
      properties: {
        locationId: { type: 'string' },
        pageLimit: { type: 'integer', minimum: 1, maximum: 500 },
        page: { type: 'integer', minimum: 1, description: 'Up to 10,000 results in all' },
        searchAfter: {
          type: 'array',
          description: 'The `searchAfter` of the last contact of the previous page',
        },
        filters: { type: 'array', items: filter },
        sort: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              field: { type: 'string' },
              direction: { enum: ['asc', 'desc'] },
            },
            required: ['field', 'direction'],
          },
        },
        query: { type: 'string', maxLength: 75 },
      },
      required: ['locationId', 'pageLimit'],
    },
    answer: {
      type: 'object',
      properties: {
        contacts: {
          type: 'array',
          items: {
            ...contactSummary,
            properties: {
              ...(contactSummary.properties as object),
              searchAfter: { type: 'array' },
            },
          },
        },
        total: { type: 'number' },
      },
    },
  },
  // docs/highlevel-behaviour.md, Contact search: `{contact}`, or `{contact: null}`.
  'GET /contacts/search/duplicate': {
    answer: {
      type: 'object',
      properties: { contact: { anyOf: [contactSummary, { type: 'null' }] } },
    },
  },
  // https://marketplace.gohighlevel.com/docs/ghl/conversations/get-messages shows the page
  // wrapped: `{messages: {lastMessageId, nextPage, messages}}`; the spec's schema is flat.
  'GET /conversations/{conversationId}/messages': { answerWrappedIn: 'messages' },
  // The labels and keys of an association are typed `object`, while the spec's own examples are
  // strings ("Student", "custom_objects.children").
  'POST /associations/': { bodyFieldTypes: associationNames() },
  'PUT /associations/{associationId}': { bodyFieldTypes: associationNames() },
  // Searches that can match several associations and relations: the spec answers one.
  'GET /associations/': { answerListIn: 'associations' },
  'GET /associations/objectKey/{objectKey}': { answerListIn: 'associations' },
  'GET /associations/relations/{recordId}': { answerListIn: 'relations' },
};
