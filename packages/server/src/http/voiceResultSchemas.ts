/**
 * The voice tools' answers (`voice/core/results.ts`) as /openapi.json names them: the REST voice
 * routes return them as they are, and a call's audit trail records one per tool call. The type
 * checks at the end fail to compile when a schema and the result it documents drift apart. Also
 * the slot a booking or a move chooses, as both routes take it.
 */
import { z } from '@hono/zod-openapi';
import type * as Results from '../voice/core/results.js';

/** A slot by the id availability gave, or by its start: the fields of a booking or a move. */
export const slotChoiceFields = {
  slotId: z.string().optional().openapi({
    description: 'A slot `id` from GET …/availability (preferred: it names the exact slot)',
  }),
  startTime: z.string().optional().openapi({
    description:
      "Or the start as a date-time, like 2026-12-01T14:30:00-05:00 (without an offset: in the workspace's timezone)",
    example: '2026-12-01T14:30:00-05:00',
  }),
};

/** A body for `PATCH …/appointments/{appointmentId}`: the new slot, one way or the other. */
export const RescheduleBody = z.object(slotChoiceFields).openapi('RescheduleAppointment');

const message = z.string().openapi({
  description: 'One sentence the agent can say as it is',
  example: 'I have Tuesday at 3 PM or Wednesday at 10 AM. Which works best?',
});

const instant = z.string().openapi({ format: 'date-time', example: '2026-12-01T15:00:00-05:00' });

const appointmentId = z
  .string()
  .openapi({ description: "HighLevel's appointment id", example: 'ocQHyuzHvysMo5N5VsXc' });

export const OfferedSlotSchema = z
  .object({
    id: z.string().openapi({
      description: 'Opaque and signed; send it back as `slotId` to book or move to this slot',
      example: 'WyJjYWxfMSIsIjIwMjYtMTItMDFUMTU6MDA6MDAtMDU6MDAiXQ.Xk3q0sVb2mZQ',
    }),
    start: instant,
    label: z.string().openapi({
      description: 'The start as said to a caller, in the timezone asked for',
      example: 'Tuesday, December 1 at 3 PM',
    }),
  })
  .openapi('OfferedSlot');

const DayWithSlots = z
  .object({
    date: z.string().openapi({ format: 'date', example: '2026-12-02' }),
    label: z.string().openapi({ example: 'Wednesday, December 2' }),
    slots: z.array(OfferedSlotSchema),
  })
  .openapi('DayWithSlots');

const FieldProblem = z.object({
  field: z.string().openapi({ example: 'phone' }),
  expected: z.string().openapi({
    example: 'a phone number with its area code, like (415) 555-0100 or +14155550100',
  }),
});

const provider = z
  .object({
    userId: z.string().openapi({ description: "HighLevel's user id", example: 'usr_lee' }),
    name: z.string().openapi({ example: 'Dr. Ann Lee' }),
  })
  .optional()
  .openapi('Provider', {
    description: 'The team member the slots or the appointment are with (team calendars only)',
  });

const timezone = z.string().openapi({
  description: 'IANA timezone the labels are in',
  example: 'America/New_York',
});

export const SlotsOfferedSchema = z
  .object({
    status: z.literal('ok'),
    timezone,
    slots: z.array(OfferedSlotSchema),
    provider,
    message,
  })
  .openapi('SlotsOffered', { description: 'Free slots within the workspace rules' });

export const NoSlotsSchema = z
  .object({
    status: z.literal('none'),
    timezone,
    nearestDays: z.array(DayWithSlots),
    provider,
    message,
  })
  .openapi('NoSlots', { description: 'Nothing free then; the nearest days that have openings' });

export const BookedSchema = z
  .object({
    status: z.literal('booked'),
    appointmentId,
    contactId: z.string().openapi({ description: "HighLevel's contact id" }),
    start: instant,
    provider,
    message,
  })
  .openapi('Booked');

const SlotUnavailableSchema = z
  .object({
    status: z.literal('slot_unavailable'),
    alternatives: z.array(OfferedSlotSchema),
    provider,
    message,
  })
  .openapi('SlotUnavailable', { description: 'The slot was taken; free slots near it' });

const NeedsInfoSchema = z
  .object({
    status: z.literal('needs_info'),
    missing: z.array(z.string()).openapi({ example: ['name', 'phone or email'] }),
    invalid: z.array(FieldProblem).optional(),
    message,
  })
  .openapi('NeedsInfo', { description: 'What the caller still has to say, or say again' });

export const RescheduledSchema = z
  .object({ status: z.literal('rescheduled'), appointmentId, start: instant, provider, message })
  .openapi('Rescheduled');

export const CancelledSchema = z
  .object({ status: z.literal('cancelled'), appointmentId, message })
  .openapi('Cancelled');

const NotFoundSchema = z
  .object({ status: z.literal('not_found'), message })
  .openapi('AppointmentNotFound');

const AppointmentsFoundSchema = z
  .object({
    status: z.literal('ok'),
    appointments: z.array(z.object({ id: appointmentId, start: instant, label: z.string() })),
    message,
  })
  .openapi('AppointmentsFound');

const TransferSchema = z
  .object({
    status: z.literal('transfer'),
    reason: z.enum(['caller_asked', 'repeated_failures', 'unconfirmed']).openapi({
      description:
        '`caller_asked`: the caller wants a person; `repeated_failures`: the tools failed too often in this call; `unconfirmed`: a booking could not be confirmed either way',
    }),
    transfer: z.boolean().openapi({
      description:
        'True: transfer the call now (a transfer destination is set); false: the team calls back',
    }),
    message,
  })
  .openapi('Transfer', { description: 'The caller is handed to a person; the team is alerted' });

const FailedSchema = z
  .object({
    status: z.literal('error'),
    code: z
      .enum([
        'unconfirmed',
        'not_booked',
        'unknown_tool',
        'unreadable_arguments',
        'unavailable',
        'not_run',
      ])
      .openapi({
        description:
          "`unconfirmed`: HighLevel's answer was lost, the booking may exist (try again with the same key); `not_run`: the tool call was past the limit per message and was not attempted; the others: nothing was booked",
      }),
    message,
  })
  .openapi('ToolFailed');

/** Any voice tool's answer: what a call's audit trail records as `outcome`. */
export const ToolResultSchema = z
  .union([
    SlotsOfferedSchema,
    NoSlotsSchema,
    BookedSchema,
    SlotUnavailableSchema,
    NeedsInfoSchema,
    RescheduledSchema,
    CancelledSchema,
    NotFoundSchema,
    AppointmentsFoundSchema,
    TransferSchema,
    FailedSchema,
  ])
  .openapi('ToolResult', { description: 'A voice tool answer; branch on `status`' });

/** True when every `T` is a valid `S` output and both name the same fields. */
type Documents<S extends z.ZodType, T> = [T] extends [z.output<S>]
  ? [keyof T] extends [keyof z.output<S>]
    ? [keyof z.output<S>] extends [keyof T]
      ? true
      : false
    : false
  : false;

const documented: [
  Documents<typeof SlotsOfferedSchema, Results.SlotsOffered>,
  Documents<typeof NoSlotsSchema, Results.NoSlots>,
  Documents<typeof BookedSchema, Results.Booked>,
  Documents<typeof SlotUnavailableSchema, Results.SlotUnavailable>,
  Documents<typeof NeedsInfoSchema, Results.NeedsInfo>,
  Documents<typeof RescheduledSchema, Results.Rescheduled>,
  Documents<typeof CancelledSchema, Results.Cancelled>,
  Documents<typeof NotFoundSchema, Results.NotFound>,
  Documents<typeof AppointmentsFoundSchema, Results.AppointmentsFound>,
  Documents<typeof TransferSchema, Results.Transfer>,
  Documents<typeof FailedSchema, Results.Failed>,
  Documents<typeof ToolResultSchema, Results.ToolResult>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];
void documented;
