/**
 * `GET /v1/catalogue?category=&kind=&name=` -> 200 `{operations}`: the ready-made triggers and actions
 * (docs/catalogue.md), each with the HighLevel operation it uses, the scopes that needs, its input
 * and output JSON Schemas and where each input field goes. The same for every caller.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { filterCatalogue } from '../../catalogue/core/catalogue.js';
import { CATEGORIES } from '../../catalogue/core/entry.js';
import type { App } from '../env.js';
import { bearer, errorResponses } from '../schemas.js';

const JsonSchemaSchema = z.record(z.string(), z.unknown()).openapi('JsonSchema', {
  description: 'A JSON Schema; `$defs` holds the shapes it refers to',
});

const DetectionSchema = z
  .object({
    list: z.string().openapi({
      description:
        "Where the items are in HighLevel's answer, dotted; `''` is the answer itself, `*` every key",
      example: 'contacts',
    }),
    holds: z.enum(['many', 'one']).openapi({
      description: '`many`: an array of items; `one`: the one item a "get" trigger watches',
    }),
    id: z.string().nullable().openapi({
      description: "The item's id field; null: an item's value is its identity",
      example: 'id',
    }),
    changeMarker: z
      .union([z.object({ field: z.string() }), z.enum(['content', 'new-ids-only'])])
      .openapi({
        description:
          'Besides a new id, what makes an item news: a change of `field`, any change of its `content`, or nothing (`new-ids-only`)',
        example: { field: 'dateUpdated' },
      }),
    paging: z
      .object({
        by: z.enum(['page', 'offset']),
        field: z.string().openapi({ example: 'skip' }),
        sizeField: z.string().openapi({ example: 'limit' }),
        size: z.number().int().openapi({ example: 100 }),
      })
      .optional()
      .openapi({
        description:
          'How a poll reads every page of the list: the input field of the page number (`page`, from 1) or of the items skipped (`offset`), and of the page size; absent: one page, as the input asks',
      }),
  })
  .openapi('TriggerDetection');

const CatalogueEntrySchema = z
  .object({
    name: z.string().openapi({ description: 'Stable machine name', example: 'get-contact' }),
    title: z.string().openapi({ example: 'Get Contact' }),
    description: z.string().openapi({ example: 'Retrieve a specific contact by ID' }),
    category: z.enum(CATEGORIES),
    kind: z.enum(['trigger', 'action']),
    operations: z
      .array(z.object({ method: z.enum(['GET', 'POST', 'PUT', 'DELETE']), path: z.string() }))
      .openapi({ description: 'The HighLevel v2 operation it calls; none when unsupported' }),
    scopes: z.array(z.string()).openapi({ example: ['contacts.readonly'] }),
    access: z.array(z.string()).openapi({
      description:
        'Token kinds HighLevel accepts: `Location-Access`, `Agency-Access`, `bearer` (either)',
    }),
    input: JsonSchemaSchema,
    placement: z.record(z.string(), z.enum(['path', 'query', 'body', 'whole-body'])).openapi({
      description: 'Where each input field goes in the HighLevel request',
      example: { contactId: 'path' },
    }),
    output: JsonSchemaSchema,
    detect: DetectionSchema.optional().openapi({
      description: 'Triggers: how new and changed items are found',
    }),
    note: z.string().optional(),
    unsupported: z.string().optional().openapi({
      description: "Why HighLevel's v2 API cannot do this; the entry cannot run",
    }),
  })
  .openapi('CatalogueEntry');

const route = createRoute({
  method: 'get',
  path: '/v1/catalogue',
  summary: 'List the ready-made triggers and actions',
  security: bearer,
  request: {
    query: z.object({
      category: z.enum(CATEGORIES).optional().openapi({ example: 'Contacts' }),
      kind: z.enum(['trigger', 'action']).optional(),
      name: z.string().max(100).optional().openapi({
        description: 'One entry by its machine name (an empty list when there is none)',
        example: 'get-contact-tasks',
      }),
    }),
  },
  responses: {
    200: {
      description: 'The entries that match, in the catalogue’s order',
      content: {
        'application/json': { schema: z.object({ operations: z.array(CatalogueEntrySchema) }) },
      },
    },
    ...errorResponses(401, 422),
  },
});

export function registerGetCatalogue(app: App): void {
  app.openapi(route, (c) => {
    const { category, kind, name } = c.req.valid('query');
    return c.json({ operations: filterCatalogue({ category, kind, name }) }, 200);
  });
}
