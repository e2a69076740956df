/**
 * The appointment's history in HighLevel: a move writes a note with the old and new times and
 * the reason given, a cancellation one with its reason, for staff to read on the appointment.
 * The marker line lets a repeated write find the note it already wrote instead of adding another.
 */
import { spokenDateTime } from '../../core/spokenTime.js';
import { startInstant } from './change.js';

/** A note to write on an appointment, unless one with its marker is there already. */
export interface HistoryNote {
  appointmentId: string;
  marker: string;
  body: string;
}

const reasonLine = (reason: string | undefined) =>
  `Reason: ${reason?.trim() ? reason.trim() : 'none given'}`;

const utc = (start: string, timezone: string) => {
  const instant = startInstant(start, timezone);
  return instant.isValid ? (instant.toUTC().toISO() ?? start) : start;
};

/**
 * The note of a move from `from` to `to` (both read in `timezone`, the caller's).
 *
 * @example rescheduleNote({ appointmentId: 'apt_1', from, to, timezone: 'America/New_York', reason: 'car trouble' }).body;
 * // 'Moved from Tuesday, December 1 at 2:30 PM to Wednesday, December 2 at 10 AM (America/New_York).\nReason: car trouble\n[ghl-bridge voice rescheduled apt_1 2026-12-02T15:00:00.000Z]'
 */
export function rescheduleNote(move: {
  appointmentId: string;
  from: string;
  to: string;
  timezone: string;
  reason?: string;
}): HistoryNote {
  const { appointmentId, timezone } = move;
  const said = (start: string) =>
    spokenDateTime(startInstant(start, timezone).toISO() ?? start, timezone);
  const marker = `[ghl-bridge voice rescheduled ${appointmentId} ${utc(move.to, timezone)}]`;
  const body = [
    `Moved from ${said(move.from)} to ${said(move.to)} (${timezone}).`,
    reasonLine(move.reason),
    marker,
  ].join('\n');
  return { appointmentId, marker, body };
}

/**
 * The note of a cancellation of the appointment at `start`.
 *
 * @example cancellationNote({ appointmentId: 'apt_1', start, timezone: 'America/New_York', reason: 'feeling better' }).body;
 * // 'Cancelled: the appointment on Tuesday, December 1 at 2:30 PM (America/New_York).\nReason: feeling better\n[ghl-bridge voice cancelled apt_1]'
 */
export function cancellationNote(cancel: {
  appointmentId: string;
  start: string;
  timezone: string;
  reason?: string;
}): HistoryNote {
  const { appointmentId, timezone } = cancel;
  const instant = startInstant(cancel.start, timezone);
  const when = instant.isValid ? spokenDateTime(instant.toISO()!, timezone) : cancel.start;
  const marker = `[ghl-bridge voice cancelled ${appointmentId}]`;
  const body = [
    `Cancelled: the appointment on ${when} (${timezone}).`,
    reasonLine(cancel.reason),
    marker,
  ].join('\n');
  return { appointmentId, marker, body };
}
