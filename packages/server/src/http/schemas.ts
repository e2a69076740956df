/** Shapes shared by several routes, named in /openapi.json. */
import { z } from '@hono/zod-openapi';
import { FEATURES } from '../highlevel/core/scopeChecks.js';
import { isCountryCode } from '../core/phone.js';
import { bookingEventSchema } from '../bookingSync/core/bookingEvent.js';
import { SYNC_JOB_STATUSES } from '../bookingSync/syncJobStore.js';
import { FieldPrefixSchema, TagPrefixSchema } from '../bookingSync/core/naming.js';
import { OfferedSlotSchema } from './voiceResultSchemas.js';

const FieldError = z.object({
  path: z.string().openapi({
    description: 'The field, dotted (`customer.phone`); `(body)` for the body as a whole',
    example: 'customer.phone',
  }),
  message: z.string().openapi({ example: 'expected a phone number with a +country code' }),
});

/** What an error may carry besides its message, by the codes that carry it. */
const ErrorDetails = z
  .object({
    fields: z.array(FieldError).optional().openapi({
      description: '`validation_failed`: every field that is missing or wrong',
    }),
    missing: z
      .array(
        z.union([z.string(), z.object({ scope: z.string(), neededTo: z.string().optional() })]),
      )
      .optional()
      .openapi({
        description:
          '`validation_failed` of an appointment: what still has to be sent; `missing_scopes`: each missing scope and what it is needed for',
        example: ['phone or email'],
      }),
    missingScopes: z
      .array(z.string())
      .optional()
      .openapi({ example: ['contacts.write'] }),
    requiredScopes: z.array(z.string()).optional(),
    locationId: z.string().optional().openapi({ description: '`location_mismatch`' }),
    checks: z
      .array(z.object({ scope: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: '`highlevel_unavailable`: the checks HighLevel did not answer' }),
    alternatives: z.array(OfferedSlotSchema).optional().openapi({
      description: '`slot_unavailable`: free slots near the one asked for',
    }),
    closeNames: z
      .array(z.string())
      .optional()
      .openapi({
        description: '`unknown_action`: the actions whose names are close to the one sent',
        example: ['create-contact'],
      }),
    highLevel: z
      .object({
        status: z.number().int().optional(),
        messages: z.array(z.string()),
        traceId: z.string().optional(),
      })
      .optional()
      .openapi({
        description:
          "An action HighLevel refused: its HTTP status, its messages and its traceId (for HighLevel's support)",
      }),
    contactId: z.string().optional().openapi({
      description: '`duplicate_contact`: the HighLevel contact that already has the email or phone',
    }),
  })
  .openapi('ErrorDetails');

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({
        description: 'Stable, for programs to branch on',
        example: 'workspace_not_found',
      }),
      message: z.string().openapi({
        description: 'For people: what went wrong and what to do',
        example: 'There is no workspace ws_q4ymc7w2rj5x2rb3aa5t.',
      }),
      details: ErrorDetails.optional(),
    }),
  })
  .openapi('Error', {
    description: 'How every error is answered: `{ "error": { "code", "message", "details"? } }`',
  });

const errorDescriptions: Record<number, string> = {
  400: 'The body is not valid JSON',
  401: 'No or an unknown bearer token',
  403: 'A workspace API key used on another workspace, or on an admin route',
  404: 'Unknown workspace, or nothing with the id in the path (see the code)',
  409: 'The request conflicts with the current state (see the message)',
  413: 'The body is over the size limit',
  415: 'The body is not JSON',
  422: 'The body does not match the schema (details.fields), or HighLevel refused the credentials',
  502: 'HighLevel could not be reached or answered with an error',
  503: "HighLevel's answer was lost; send the same request again (with the same Idempotency-Key)",
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
    defaultCountry: z.string().nullable().openapi({
      description:
        "The country booking phones without +country are read in (ISO 3166-1 alpha-2); null: the connected Location's country",
      example: 'US',
    }),
  })
  .openapi('Workspace');

/** A workspace's `defaultCountry` as a client sets it; null returns to the Location's country. */
export const DefaultCountrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, {
    message: 'expected a two-letter ISO 3166-1 country code, like US or GB',
  })
  .nullable()
  .optional()
  .openapi({
    description:
      "Read booking phones without +country as numbers of this country (ISO 3166-1 alpha-2) instead of the connected Location's; null: the Location's again",
    example: 'GB',
  });

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
    status: z.enum(['connected', 'needs_attention', 'disconnected']).openapi({
      description:
        '`needs_attention`: the last check or sync found the credentials not working (refused, revoked, a scope missing) or the server lacks the secret key they are encrypted with; `lastError` says what to do',
    }),
    auth: z.enum(['api_key', 'oauth']).nullable().openapi({
      description:
        '`api_key`: connected with a Private Integration token; `oauth`: with the marketplace app installed on the Location (GET /v1/oauth/install); null when disconnected',
    }),
    pausedReason: z.string().nullable().openapi({
      description:
        'Why the connection is paused (the app was uninstalled, or HighLevel refused its tokens): its sync jobs wait as `paused` until the app is installed again or the workspace reconnects',
    }),
    locationId: z.string().nullable(),
    locationName: z.string().nullable(),
    locationCountry: z.string().nullable().openapi({
      description:
        "The Location's country as HighLevel returned it on connect or the last check (GET /locations/{locationId})",
      example: 'US',
    }),
    apiKeyPreview: z
      .string()
      .nullable()
      .openapi({ example: 'pit-…a1b2', description: 'Null for an `oauth` connection' }),
    connectedAt: z.string().nullable().openapi({ format: 'date-time' }),
    lastSyncAt: z.string().nullable().openapi({ format: 'date-time' }),
    lastCheckedAt: z.string().nullable().openapi({ format: 'date-time' }),
    lastError: z.string().nullable(),
  })
  .openapi('GoHighLevelConnection');

export const bearer = [{ bearer: [] }];

/** Something in a booking that could not be synced; the rest of the booking was. */
export const BookingProblemSchema = z
  .object({
    field: z.string().openapi({ example: 'customer.phone' }),
    code: z.string().openapi({
      description:
        '`unreadable_phone`: the phone was left out of the contact, which was synced by email',
      example: 'unreadable_phone',
    }),
    message: z.string(),
    value: z.string().openapi({ example: '(415) 555-013' }),
  })
  .openapi('BookingProblem');

/** Documented from the schema that accepted it; typed loosely, as the stored JSON it is. */
export const StoredBookingSchema: z.ZodType<Record<string, unknown>> = bookingEventSchema().openapi(
  'StoredBooking',
  {
    description:
      "The booking event as accepted and stored, normalized: email in lower case, phone in E.164 (+14155550132), the price amount with its currency's decimals",
  },
);

export const BookingViewSchema = z
  .object({
    bookingId: z.string(),
    version: z.number().int(),
    status: z.string().openapi({ example: 'confirmed' }),
    customerKey: z.string().openapi({ example: 'ada@example.com' }),
    sync: z.string().openapi({
      description:
        "`pending`, `waiting_for_connection`, `paused` (the app's install is gone; see the connection's `pausedReason`), `synced` or `failed`",
    }),
    highLevelContactId: z.string().nullable(),
    problems: z.array(BookingProblemSchema).openapi({
      description: 'What of this version could not be synced (the rest was)',
    }),
    booking: StoredBookingSchema,
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Booking');

export const SyncJobSchema = z
  .object({
    id: z.string(),
    bookingId: z.string(),
    version: z.number().int(),
    customerKey: z.string(),
    status: z.enum(SYNC_JOB_STATUSES).openapi({
      description:
        '`waiting_for_connection` until GoHighLevel is connected; `paused` while the connection is paused (the app uninstalled, its tokens refused), with why in `reason`; `failed` says why in `reason`',
    }),
    attempts: z.number().int(),
    reason: z.string().nullable(),
    highLevelContactId: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('SyncJob');
