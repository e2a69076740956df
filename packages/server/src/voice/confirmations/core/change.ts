/**
 * A change to an appointment the caller is told about: booked, moved or cancelled, with what the
 * confirmation says (when, who, what). Each change has a key: one confirmation per channel is
 * sent for it, however often the tool call that made it is repeated.
 */
import { DateTime } from 'luxon';
import { serviceCalendar } from '../../core/serviceCalendar.js';
import type { ServiceCalendar } from '../../core/settings.js';
import { timeZone } from '../../../core/timeZones.js';

export const CHANGE_KINDS = ['booked', 'rescheduled', 'cancelled'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface AppointmentChange {
  kind: ChangeKind;
  appointmentId: string;
  contactId: string;
  /** When the appointment starts (after the change), as HighLevel gave it. */
  start: string;
  /** The caller's timezone: the time is written in it. */
  timezone: string;
  /** The locale the confirmation is written in (the caller's, else the workspace's). */
  locale: string;
  /** The name the caller gave; else the contact's first name is used. */
  name?: string;
  /** The service booked, as the workspace names it. */
  service?: string;
  /** The team member the appointment is with. */
  provider?: string;
}

/**
 * The instant of a HighLevel start time: with an offset as it says, without one (HighLevel's
 * `2026-12-01 14:30:00` listings) in `timezone`.
 *
 * @example startInstant('2026-12-01 14:30:00', 'America/New_York').toISO(); // '2026-12-01T14:30:00.000-05:00'
 */
export function startInstant(start: string, timezone: string): DateTime {
  return DateTime.fromISO(start.trim().replace(' ', 'T'), {
    zone: timeZone(timezone),
    setZone: true,
  }).setZone(timeZone(timezone));
}

/**
 * The key of a change: `booked`, `cancelled`, or `rescheduled:<start in UTC>`, since each move
 * of one appointment is a change of its own.
 *
 * @example changeKey({ kind: 'rescheduled', start: '2026-12-01T14:30:00-05:00', … }); // 'rescheduled:2026-12-01T19:30:00.000Z'
 */
export function changeKey(change: Pick<AppointmentChange, 'kind' | 'start' | 'timezone'>): string {
  if (change.kind !== 'rescheduled') return change.kind;
  const instant = startInstant(change.start, change.timezone);
  return `rescheduled:${instant.isValid ? instant.toUTC().toISO() : change.start}`;
}

/**
 * The first word of a name, to greet someone by: "Ada Lovelace" is greeted "Ada".
 *
 * @example firstName('  Ada Lovelace '); // 'Ada'
 */
export function firstName(name: string | undefined): string {
  return name?.trim().split(/\s+/)[0] ?? '';
}

/**
 * The service an appointment is for, as the workspace names it: the one the caller asked for,
 * else the only service booked on its calendar; `undefined` when neither tells.
 *
 * @example serviceOf(settings.services, 'cal_cuts', 'a trim'); // 'Haircut'
 */
export function serviceOf(
  services: readonly ServiceCalendar[],
  calendarId: string | undefined,
  asked?: string,
): string | undefined {
  if (asked) {
    const choice = serviceCalendar(asked, services, '');
    if ('service' in choice && choice.service) return choice.service;
  }
  const onCalendar = services.filter((service) => service.calendarId === calendarId);
  return onCalendar.length === 1 ? onCalendar[0]!.name : undefined;
}
