/**
 * A Location's HighLevel calendars as a person picks one (the voice settings' `calendarId`):
 * what each is called, whether it takes bookings, and its appointment length. Pure: the calendars
 * are read by `GET /v1/workspaces/:ws/integrations/gohighlevel/calendars`.
 */
import type { Calendar } from '@ghl-bridge/client';

/** One calendar to choose, in the words a chooser needs. */
export interface CalendarChoice {
  id: string;
  name: string;
  /** HighLevel's `calendarType` (`event`, `round_robin`, …), when it gave one. */
  calendarType: string | null;
  /** False for a draft calendar: HighLevel offers it no slots until it is activated. */
  isActive: boolean;
  /** The calendar's appointment length in minutes, when it has one. */
  slotMinutes: number | null;
}

/**
 * A calendar's appointment length in minutes: HighLevel gives `slotDuration` in
 * `slotDurationUnit`, minutes or hours (spec/highlevel/apps/calendars.json `CalendarDTO`).
 *
 * @example slotMinutesOf({ slotDuration: 1, slotDurationUnit: 'hours' }); // 60
 */
export function slotMinutesOf(
  calendar: Pick<Calendar, 'slotDuration' | 'slotDurationUnit'>,
): number | null {
  const duration = calendar.slotDuration;
  if (typeof duration !== 'number' || !Number.isFinite(duration) || duration <= 0) return null;
  return calendar.slotDurationUnit === 'hours' ? duration * 60 : duration;
}

/**
 * The calendars to choose from, by name (HighLevel lists them in no stated order); a calendar
 * without a name is shown by its id.
 *
 * @example calendarChoices(await hl.calendars.list({ locationId })); // [{ id, name: 'Consultation', … }]
 */
export function calendarChoices(calendars: readonly Calendar[]): CalendarChoice[] {
  return calendars
    .map((calendar) => ({
      id: calendar.id,
      name: calendar.name?.trim() || calendar.id,
      calendarType: calendar.calendarType ?? null,
      isActive: calendar.isActive !== false,
      slotMinutes: slotMinutesOf(calendar),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
}
