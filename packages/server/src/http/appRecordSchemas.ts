/**
 * Shapes of the app contact routes (`/v1/workspaces/{ws}/contacts/{externalId}…`, docs/contacts.md):
 * a contact's version with the fields the app manages, its notes and tasks, and how each stands.
 */
import { z } from '@hono/zod-openapi';
import { instant } from '../bookingSync/core/bookingEvent.js';
import { isCountryCode } from '../core/phone.js';
import { isTimeZone } from '../core/timeZones.js';
import { HttpError } from './httpError.js';
import { WorkspaceParams } from './schemas.js';

const appId = (name: string, example: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name, in: 'path' }, example, description: "The app's own id" });

export const ContactParams = WorkspaceParams.extend({
  externalId: appId('externalId', 'cust_42'),
});
export const NoteParams = ContactParams.extend({ noteId: appId('noteId', 'note_7') });
export const TaskParams = ContactParams.extend({ taskId: appId('taskId', 'task_3') });

/** Blank strings from form-backed apps mean "not sent". */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const text = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z.string().trim().max(max, `expected at most ${max} characters`).optional(),
  );

const version = z
  .number({ error: 'expected the version: an integer, 1 or more' })
  .int('expected an integer')
  .min(1, 'expected 1 or more')
  .max(Number.MAX_SAFE_INTEGER, 'expected a smaller version')
  .openapi({ description: "The app's revision of the record: only a newer one changes anything" });

const updatedAt = instant.optional().openapi({
  description:
    'When the app changed the record (ISO 8601 with offset); default now. A field HighLevel changed later than this is not written.',
  example: '2026-03-01T10:00:00Z',
});

const ContactFields = {
  firstName: text(100),
  lastName: text(100),
  email: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
    z.email({ error: 'expected an email address' }).max(320).optional(),
  ),
  phone: text(50).openapi({
    description:
      "As typed: without +country it is read in the workspace's defaultCountry, else its Location's. One that cannot be read is left out and reported in `problems`",
  }),
  companyName: text(200),
  address1: text(300),
  city: text(100),
  state: text(100),
  postalCode: text(20),
  country: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCountryCode, { message: 'expected a two-letter ISO 3166-1 country code, like US' })
      .optional(),
  ),
  timezone: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine(isTimeZone, { message: 'expected an IANA time zone, like America/New_York' })
      .optional(),
  ),
  dateOfBirth: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), {
        message: 'expected a date that exists',
      })
      .optional(),
  ),
};

export const ContactVersionBody = z
  .object({
    version,
    updatedAt,
    ...ContactFields,
    tags: z
      .array(
        z
          .string()
          .trim()
          .min(1, 'expected a tag, not a blank')
          .max(100, 'expected at most 100 characters'),
      )
      .max(100, 'expected at most 100 tags')
      .optional()
      .openapi({
        description:
          "The app's managed tags: added when sent; a tag the bridge applied for this contact and the app no longer sends is removed; other tags are never touched. Left out: the tags stay as they are",
        example: ['member', 'gold'],
      }),
  })
  .strict()
  .openapi('AppContactVersion', {
    example: {
      version: 3,
      updatedAt: '2026-03-01T10:00:00Z',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '(415) 555-0132',
      tags: ['member'],
    },
  });

export const NoteVersionBody = z
  .object({
    version,
    updatedAt,
    body: z
      .string({ error: 'expected the note text' })
      .trim()
      .min(1, 'expected the note text')
      .max(10_000, 'expected at most 10000 characters'),
  })
  .strict()
  .openapi('AppNoteVersion', { example: { version: 1, body: 'Prefers morning appointments' } });

export const TaskVersionBody = z
  .object({
    version,
    updatedAt,
    title: z
      .string({ error: 'expected the task title' })
      .trim()
      .min(1, 'expected the task title')
      .max(500, 'expected at most 500 characters'),
    body: text(10_000),
    dueDate: instant
      .transform((value) => new Date(value).toISOString())
      .openapi({ description: 'ISO 8601 with offset', example: '2026-03-02T09:00:00-05:00' }),
    completed: z.boolean({ error: 'expected true or false' }).default(false),
    assignedTo: text(100).openapi({ description: 'A HighLevel user id' }),
  })
  .strict()
  .openapi('AppTaskVersion', {
    example: { version: 1, title: 'Call back about the quote', dueDate: '2026-03-02T09:00:00Z' },
  });

export const RecordStatusSchema = z.enum(['pending', 'synced', 'failed']).openapi({
  description:
    '`pending` until HighLevel has this version; `failed` with `error` when it refused it',
});

const outcome = z.enum(['accepted', 'already_taken', 'stale']).openapi({
  description:
    '`accepted`: a new version, being written; `already_taken`: this version was taken before (nothing more happens); `stale`: an older version than `version`, which stays',
});

export const AppItemSchema = z
  .object({
    id: z.string().openapi({ description: "The app's id of the note or task" }),
    version: z.number().int(),
    updatedAt: z.string().openapi({ format: 'date-time' }),
    status: RecordStatusSchema,
    error: z.string().nullable(),
    highLevelId: z.string().nullable().openapi({ description: "HighLevel's id, once written" }),
    deleted: z.boolean(),
  })
  .openapi('AppContactItem');

export const AppItemAnswer = AppItemSchema.extend({ outcome }).openapi('AppContactItemAccepted');

const ProblemSchema = z
  .object({
    field: z.string(),
    code: z.string(),
    message: z.string(),
    value: z.string(),
  })
  .openapi('AppContactProblem');

export const AppContactSchema = z
  .object({
    externalId: z.string(),
    version: z.number().int(),
    updatedAt: z.string().openapi({ format: 'date-time' }),
    status: RecordStatusSchema,
    error: z.string().nullable(),
    contactId: z
      .string()
      .nullable()
      .openapi({ description: 'The HighLevel contact, once written' }),
    problems: z.array(ProblemSchema).openapi({
      description: 'What of the version could not be taken, e.g. a phone that cannot be read',
    }),
    notes: z.array(AppItemSchema),
    tasks: z.array(AppItemSchema),
  })
  .openapi('AppContact');

export const AppContactAnswer = AppContactSchema.omit({ notes: true, tasks: true })
  .extend({ outcome })
  .openapi('AppContactAccepted');

/**
 * The 404 for a contact the app has not PUT.
 *
 * @example if (!row) throw contactNotFound(404, workspace.id, externalId);
 */
export function contactNotFound(
  status: 404 | 409,
  workspaceId: string,
  externalId: string,
): HttpError {
  return new HttpError(
    status,
    'contact_not_found',
    `There is no contact ${externalId} in this workspace: PUT /v1/workspaces/${workspaceId}/contacts/${externalId} first. Contact ids are the app's own, case-sensitive.`,
  );
}

/**
 * The 404 for a note or task the app never sent.
 *
 * @example throw itemNotFound('note', 'note_7');
 */
export function itemNotFound(kind: 'note' | 'task', id: string): HttpError {
  return new HttpError(
    404,
    `${kind}_not_found`,
    `There is no ${kind} ${id} under this contact: the app never sent it.`,
  );
}

/**
 * The 409 for a version of a note or task the app deleted.
 *
 * @example throw itemDeleted('task', 'task_3');
 */
export function itemDeleted(kind: 'note' | 'task', id: string): HttpError {
  return new HttpError(
    409,
    `${kind}_deleted`,
    `The ${kind} ${id} was deleted by the app, and a deleted ${kind} does not come back: send it under a new id.`,
  );
}

/**
 * The 409 for a write while the workspace cannot reach HighLevel.
 *
 * @example if (!connection) throw notConnected(workspace.id);
 */
export function notConnected(workspaceId: string): HttpError {
  return new HttpError(
    409,
    'highlevel_not_connected',
    `This workspace is not connected to GoHighLevel, so there is nowhere to write the contact. Connect it with PUT /v1/workspaces/${workspaceId}/integrations/gohighlevel, then send it again.`,
  );
}
