/**
 * The `data` of the events that tell the booking app of a change made in HighLevel
 * (`appointment.*`, `contact.*`, `note.*`, `task.*`; docs/webhooks-out.md#events): the change as
 * the bridge reads it (`highlevelWebhooks/core/bridgeChange.ts`), who saw it
 * (`highlevelWebhooks/core/appEvent.ts`) and, for a record the app keeps, its ids and new values
 * (`appRecords/appEventExtras.ts`, docs/contacts.md#highlevel-to-the-app).
 */
import { z } from '@hono/zod-openapi';
import { APP_CONTACT_FIELDS, type AppContactField } from '../appRecords/core/contactFields.js';

const record = {
  id: z.string().openapi({ description: "HighLevel's id of the record" }),
  locationId: z.string().openapi({ description: 'The HighLevel Location' }),
};
const contactId = z.string().optional().openapi({ description: 'Its HighLevel contact' });

/** Each kind of change, with every action `bridgeChange.ts` gives it. */
export const RECORD_CHANGES = {
  appointment: z.object({
    action: z.enum(['created', 'updated', 'cancelled', 'deleted']),
    ...record,
    calendarId: z.string().optional().openapi({ description: 'Its HighLevel calendar' }),
    contactId,
    status: z.string().optional().openapi({
      description:
        "HighLevel's `appointmentStatus`: new, confirmed, cancelled, showed, noshow, invalid",
    }),
    startTime: z.string().optional().openapi({ description: 'As HighLevel wrote it' }),
    endTime: z.string().optional().openapi({ description: 'As HighLevel wrote it' }),
  }),
  contact: z.object({
    action: z.enum(['created', 'updated', 'deleted']),
    ...record,
    changed: z.enum(['tags', 'dnd']).optional().openapi({
      description: 'What changed, when HighLevel said: its tags or its do-not-disturb settings',
    }),
  }),
  note: z.object({ action: z.enum(['created', 'updated', 'deleted']), ...record, contactId }),
  task: z.object({ action: z.enum(['created', 'completed', 'deleted']), ...record, contactId }),
};

type RecordKind = keyof typeof RECORD_CHANGES;

/** Who saw the change (`appEvent.ts`): the same fields on every one. */
const seen = {
  source: z.literal('highlevel'),
  foundBy: z.enum(['webhook', 'reconciliation']).openapi({
    description:
      "`webhook`: HighLevel's webhook told the bridge; `reconciliation`: the poll found it, its webhook never came (docs/reconciliation.md)",
  }),
  highLevelWebhookId: z.string().nullable().openapi({
    description: 'The webhook HighLevel sent, the same on its retries; null when the poll found it',
  }),
};

const externalId = z
  .string()
  .optional()
  .openapi({ description: "The app's own id, for a record the app keeps (docs/contacts.md)" });
const contactExternalId = z
  .string()
  .optional()
  .openapi({ description: "The app's id of the record's contact, for a record the app keeps" });

const contactFields = z
  .object(
    Object.fromEntries(APP_CONTACT_FIELDS.map((field) => [field, z.string().optional()])) as Record<
      AppContactField,
      z.ZodOptional<z.ZodString>
    >,
  )
  .openapi({
    description: 'Each field the app manages whose value HighLevel changed: its new value',
  });

const asHighLevelSentThem = 'The new values, as HighLevel sent them';

/** What `appEventExtras.ts` adds for each kind: the app's ids and the new values. */
const APP_EXTRAS = {
  appointment: {},
  contact: { externalId, fields: contactFields.optional() },
  note: {
    externalId,
    contactExternalId,
    fields: z
      .object({ body: z.string().optional() })
      .optional()
      .openapi({ description: asHighLevelSentThem }),
  },
  task: {
    externalId,
    contactExternalId,
    fields: z
      .object({
        title: z.string().optional(),
        body: z.string().optional(),
        dueDate: z.string().optional(),
        completed: z.boolean().optional(),
      })
      .optional()
      .openapi({ description: asHighLevelSentThem }),
  },
} satisfies Record<RecordKind, z.ZodRawShape>;

/** The `data` of a change of `kind` told as an event whose change has one of `actions`. */
function told<K extends RecordKind, A extends z.infer<(typeof RECORD_CHANGES)[K]>['action']>(
  kind: K,
  actions: readonly [A, ...A[]],
) {
  return RECORD_CHANGES[kind].extend({ action: z.enum(actions), ...seen, ...APP_EXTRAS[kind] });
}

/**
 * The `data` of each event for a change made in HighLevel, keyed by its type. The action is the
 * type's, except that a deleted appointment is told as `appointment.cancelled` (`appEvent.ts`).
 *
 * @example HIGHLEVEL_CHANGE_DATA['task.completed'].parse(event.data);
 */
export const HIGHLEVEL_CHANGE_DATA = {
  'appointment.created': told('appointment', ['created']),
  'appointment.updated': told('appointment', ['updated']),
  'appointment.cancelled': told('appointment', ['cancelled', 'deleted']),
  'contact.updated': told('contact', ['updated']),
  'contact.deleted': told('contact', ['deleted']),
  'note.created': told('note', ['created']),
  'note.updated': told('note', ['updated']),
  'note.deleted': told('note', ['deleted']),
  'task.created': told('task', ['created']),
  'task.completed': told('task', ['completed']),
  'task.deleted': told('task', ['deleted']),
};
