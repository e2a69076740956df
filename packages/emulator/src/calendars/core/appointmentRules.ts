/**
 * What an appointment write decides from plain data before anything is stored: the title a
 * booking gets, who it is assigned to, its first status, where a moved appointment ends, and
 * whether a change needs a free slot. `../appointmentWrites.ts` applies these to the store.
 */
import type { ContactRecord } from '../../contacts/core/model.js';
import { asText, type Body } from './fields.js';
import type { AppointmentStatus, Calendar, CalendarEvent } from './model.js';
import { formatOffsetIso, parseInstant } from './times.js';

/**
 * The calendar's `eventTitle` with the contact merge fields filled in (`{{contact.name}}` is
 * HighLevel's default title, [spec] CalendarCreateDTO.eventTitle); the calendar's name when
 * nothing is left.
 */
export function appointmentTitle(calendar: Calendar, contact: ContactRecord): string {
  const fields: Record<string, string | null | undefined> = {
    name: contact.name ?? [contact.firstName, contact.lastName].filter(Boolean).join(' '),
    first_name: contact.firstName,
    last_name: contact.lastName,
    email: contact.email,
    phone: contact.phone,
  };
  const title = calendar.eventTitle
    .replace(/\{\{\s*contact\.(\w+)\s*\}\}/g, (_, key: string) => fields[key] ?? '')
    .trim();
  return title || calendar.name;
}

/**
 * The member a booking goes to when none is named: the only one of a one-member calendar (a
 * personal calendar has exactly one, [spec] CalendarCreateDTO.teamMembers).
 */
export function defaultAssignee(calendar: Calendar): string | undefined {
  return calendar.teamMembers.length === 1 ? calendar.teamMembers[0]?.userId : undefined;
}

/**
 * A new appointment's status. HighLevel keeps a requested status, even `new` on an
 * auto-confirming calendar (docs/highlevel-behaviour.md#appointment-writes).
 */
export function initialStatus(
  calendar: Calendar,
  requested: AppointmentStatus | undefined,
): AppointmentStatus {
  return requested ?? (calendar.autoConfirm ? 'confirmed' : 'new');
}

/** The text fields among `keys` that the body sends, to copy onto the appointment as sent. */
export function optionalText(
  input: Body,
  ...keys: (keyof CalendarEvent)[]
): Partial<CalendarEvent> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = asText(input[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * The new end when only the start moves: the appointment keeps its length. An unreadable start
 * is left for `checkSlotAvailable` to report.
 */
export function endAfterMove(event: CalendarEvent, input: Body, zone: string): string {
  const sent = asText(input.endTime);
  if (sent !== undefined) return sent;
  const sentStart = asText(input.startTime);
  const start = sentStart === undefined ? undefined : parseInstant(sentStart, zone);
  const duration = event.endTime - event.startTime;
  return formatOffsetIso(start === undefined ? event.endTime : start + duration, zone);
}

/** What an update changes, as the write has resolved it from the body. */
export interface AppointmentChange {
  input: Body;
  calendarId: string;
  assignedUserId: string | undefined;
  status: AppointmentStatus;
}

/**
 * Whether an update needs a free slot: a new time, calendar or assignee, or bringing a cancelled
 * appointment back does. A status or title change alone does not: confirming a held appointment
 * must not fail because its slot is now in the past or full. Cancelling never does.
 */
export function updateNeedsFreeSlot(event: CalendarEvent, change: AppointmentChange): boolean {
  const moved =
    change.input.startTime !== undefined ||
    change.input.endTime !== undefined ||
    change.calendarId !== event.calendarId ||
    change.assignedUserId !== event.assignedUserId ||
    (event.appointmentStatus === 'cancelled' && change.status !== 'cancelled');
  return moved && change.status !== 'cancelled';
}
