/**
 * Where the tools hand over a change once its answer is settled: a booking, a move or a
 * cancellation gets its confirmation to the caller, and a move or a cancellation its note in the
 * appointment's history (afterChange.ts runs them, after the answer, never changing it).
 */
import type { CalendarEvent } from '@ghl-bridge/client';
import type {
  BookedAppointment,
  CancelledAppointment,
  MovedAppointment,
  ToolOutcome,
} from '../core/outcomes.js';
import type { VoiceContext } from '../context.js';
import { cancellationNote, rescheduleNote } from './core/appointmentHistory.js';
import { serviceOf, startInstant, type AppointmentChange } from './core/change.js';
import { changedInBackground, type AfterChange } from './afterChange.js';

const confirm = (change: AppointmentChange): AfterChange => ({ do: 'confirm', change });

/** The confirmation's `{provider}` and `{service}`, when known. */
function who(
  ctx: VoiceContext,
  calendarId: string | undefined,
  outcome: ToolOutcome,
  asked?: string,
) {
  const provider = 'provider' in outcome ? outcome.provider?.name : undefined;
  const service = serviceOf(ctx.settings.services, calendarId, asked);
  return { ...(provider ? { provider } : {}), ...(service ? { service } : {}) };
}

/**
 * The confirmation of a booking, to the name the caller gave; nothing for any other outcome.
 * Resolves when sent or queued; never rejects.
 *
 * @example background.push(afterBooking(ctx, args, outcome));
 */
export function afterBooking(
  ctx: VoiceContext,
  asked: { name: string; service?: string },
  outcome: ToolOutcome,
): Promise<void> {
  if (outcome.status !== 'booked') return Promise.resolve();
  const booked: BookedAppointment = outcome;
  return changedInBackground(ctx, [
    confirm({
      kind: 'booked',
      appointmentId: booked.appointmentId,
      contactId: booked.contactId,
      start: booked.start,
      // A booking stored by an earlier version kept its sentence, not its timezone.
      timezone: 'timezone' in booked ? booked.timezone : ctx.settings.timezone,
      locale: ctx.locale,
      name: asked.name,
      ...who(ctx, ctx.settings.calendarId, outcome, asked.service),
    }),
  ]);
}

/**
 * The move's note (when `from`, the time before it, is known) and its confirmation.
 *
 * @example void afterReschedule(ctx, event, moved, { from: event.startTime, reason: args.reason });
 */
export function afterReschedule(
  ctx: VoiceContext,
  event: CalendarEvent,
  moved: MovedAppointment,
  history: { from?: string; reason?: string },
): Promise<void> {
  const { appointmentId, start, timezone } = moved;
  const works: AfterChange[] = [];
  const instant = (time: string) => startInstant(time, timezone).toMillis();
  if (history.from && instant(history.from) !== instant(start)) {
    const note = rescheduleNote({
      appointmentId,
      from: history.from,
      to: start,
      timezone,
      ...(history.reason ? { reason: history.reason } : {}),
    });
    works.push({ do: 'note', note });
  }
  if (event.contactId) {
    works.push(
      confirm({
        kind: 'rescheduled',
        appointmentId,
        contactId: event.contactId,
        start,
        timezone,
        locale: ctx.locale,
        ...who(ctx, event.calendarId, moved),
      }),
    );
  }
  return changedInBackground(ctx, works);
}

/**
 * The cancellation's note, with its reason, and its confirmation.
 *
 * @example void afterCancel(ctx, event, cancelled, args.reason);
 */
export function afterCancel(
  ctx: VoiceContext,
  event: CalendarEvent,
  cancelled: CancelledAppointment,
  reason?: string,
): Promise<void> {
  const { appointmentId, start, timezone } = cancelled;
  const note = cancellationNote({ appointmentId, start, timezone, ...(reason ? { reason } : {}) });
  const works: AfterChange[] = [{ do: 'note', note }];
  if (event.contactId) {
    works.push(
      confirm({
        kind: 'cancelled',
        appointmentId,
        contactId: event.contactId,
        start,
        timezone,
        locale: ctx.locale,
        ...who(ctx, event.calendarId, cancelled),
      }),
    );
  }
  return changedInBackground(ctx, works);
}
