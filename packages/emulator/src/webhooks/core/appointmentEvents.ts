/**
 * Appointment webhooks. Unlike most events, HighLevel nests the record:
 * `{ type, locationId, appointment: { … } }` (`spec/highlevel/docs/webhook events/Appointment*.md`).
 * Upstream's Update and Delete examples say `type: "AppointmentCreate"`, a copy-paste slip; the
 * emulator sends the event's own name.
 */
import type { WebhookEventOf } from '@ghl-bridge/client/webhooks';
import { compact, type DeliveryStamp } from './stamp.js';

export type AppointmentEventType = 'AppointmentCreate' | 'AppointmentUpdate' | 'AppointmentDelete';

type Text = string | null | undefined;

/** An appointment as stored (HighLevel's REST calendar event); other fields are ignored. */
export interface AppointmentInput {
  id: string;
  locationId: string;
  calendarId: string;
  contactId?: Text;
  title?: Text;
  address?: Text;
  groupId?: Text;
  appointmentStatus?: Text;
  assignedUserId?: Text;
  users?: string[] | null;
  notes?: Text;
  source?: Text;
  /** As stored, e.g. `2023-09-25T16:00:00+05:30`; sent verbatim. */
  startTime: string;
  endTime: string;
  dateAdded?: Text;
  dateUpdated?: Text;
}

/**
 * An AppointmentCreate/Update/Delete event.
 *
 * @example
 * appointmentEvent('AppointmentCreate', appointment, stampDelivery(clock));
 * // { type: 'AppointmentCreate', locationId, appointment: { id, calendarId, startTime, … }, … }
 */
export function appointmentEvent<T extends AppointmentEventType>(
  type: T,
  appointment: AppointmentInput,
  stamp: DeliveryStamp,
): WebhookEventOf<T> {
  const payload: Omit<WebhookEventOf<'AppointmentCreate'>, 'type'> = {
    locationId: appointment.locationId,
    appointment: compact({
      id: appointment.id,
      address: appointment.address,
      title: appointment.title,
      calendarId: appointment.calendarId,
      contactId: appointment.contactId,
      groupId: appointment.groupId,
      appointmentStatus: appointment.appointmentStatus,
      assignedUserId: appointment.assignedUserId,
      users: appointment.users,
      notes: appointment.notes,
      source: appointment.source,
      startTime: appointment.startTime,
      endTime: appointment.endTime,
      dateAdded: appointment.dateAdded,
      dateUpdated: appointment.dateUpdated,
    }),
    ...stamp,
  };
  return { type, ...payload } as WebhookEventOf<T>;
}
