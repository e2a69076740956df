/** Shapes shared by several routes, named in /openapi.json. */
import { z } from '@hono/zod-openapi';
import { FEATURES } from '../gohighlevel/scopeChecks.js';
import { FieldPrefixSchema, TagPrefixSchema } from '../syncWorker/naming.js';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'workspace_not_found' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

const errorDescriptions: Record<number, string> = {
  400: 'The body is not valid JSON',
  401: 'No or an unknown bearer token',
  403: 'A workspace API key used on another workspace, or on an admin route',
  404: 'Unknown workspace',
  409: 'The request conflicts with the current state (see the message)',
  413: 'The body is over the size limit',
  415: 'The body is not JSON',
  422: 'The body does not match the schema (details.fields), or HighLevel refused the credentials',
  502: 'HighLevel could not be reached or answered with an error',
};

/** The error responses a route documents. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: errorDescriptions[status] ?? 'Error',
        content: { 'application/json': { schema: ErrorSchema } },
      },
    ]),
  );
}

export const WorkspaceParams = z.object({
  ws: z.string().openapi({ param: { name: 'ws', in: 'path' }, example: 'ws_q4ymc7w2rj5x2rb3aa5t' }),
});

export const FeatureSchema = z.enum(FEATURES).openapi({
  description:
    '`bookings`: booking sync (contacts, custom fields). `voice`: voice booking (calendars).',
});

export const WorkspaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    features: z.array(z.string()),
    createdAt: z.string().openapi({ format: 'date-time' }),
    bookingSync: z
      .object({ fieldPrefix: z.string().nullable(), tagPrefix: z.string().nullable() })
      .openapi({
        description:
          "The workspace's own prefixes for the custom fields and tags the booking sync writes; null: the server's default (GHL_BRIDGE_FIELD_PREFIX, GHL_BRIDGE_TAG_PREFIX).",
      }),
  })
  .openapi('Workspace');

/** A workspace's booking-sync prefixes as a client sets them; null returns to the default. */
export const BookingSyncNamesSchema = z
  .object({
    fieldPrefix: FieldPrefixSchema.nullable().optional().openapi({
      description: 'Put before every custom field name ("Bookings –"); null: the server default',
      example: 'Salon –',
    }),
    tagPrefix: TagPrefixSchema.nullable().optional().openapi({
      description:
        'Put before every tag (`gb/` -> `gb/booking:confirmed`); null: the server default',
      example: 'gb/',
    }),
  })
  .strict()
  .openapi('BookingSyncNames');

export const ConnectionSchema = z
  .object({
    status: z.enum(['connected', 'error', 'disconnected']),
    locationId: z.string().nullable(),
    locationName: z.string().nullable(),
    apiKeyPreview: z.string().nullable().openapi({ example: 'pit-…a1b2' }),
    connectedAt: z.string().nullable().openapi({ format: 'date-time' }),
    lastSyncAt: z.string().nullable().openapi({ format: 'date-time' }),
    lastCheckedAt: z.string().nullable().openapi({ format: 'date-time' }),
    lastError: z.string().nullable(),
  })
  .openapi('GoHighLevelConnection');

export const bearer = [{ bearer: [] }];

export const BookingViewSchema = z
  .object({
    bookingId: z.string(),
    version: z.number().int(),
    status: z.string().openapi({ example: 'confirmed' }),
    customerKey: z.string().openapi({ example: 'ada@example.com' }),
    sync: z.string().openapi({
      description: '`pending`, `waiting_for_connection`, `synced` or `failed`',
    }),
    highLevelContactId: z.string().nullable(),
    booking: z.record(z.string(), z.unknown()).openapi({ description: 'The stored version' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Booking');

export const SyncJobSchema = z
  .object({
    id: z.string(),
    bookingId: z.string(),
    version: z.number().int(),
    customerKey: z.string(),
    status: z.string().openapi({
      description:
        '`queued`, `running`, `retrying`, `waiting_for_connection`, `done` or `failed` (with `reason`)',
    }),
    attempts: z.number().int(),
    reason: z.string().nullable(),
    highLevelContactId: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('SyncJob');
