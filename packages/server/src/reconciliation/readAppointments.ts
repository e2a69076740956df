/**
 * The appointments part of a run: the Location's calendars (`GET /calendars/`), then each
 * calendar's appointments in the moving window (`GET /calendars/events`), whose changes the
 * bridge has not told are told. The window is read whole every run, so nothing is missed between
 * pages; the checkpoint only moves `since` once every calendar was read.
 */
import {
  appointmentFindings,
  appointmentQuery,
  appointmentsOf,
  calendarIdsOf,
} from './core/appointments.js';
import { changesSince } from './core/since.js';
import { saveProgress } from './checkpointStore.js';
import { read, tellFindings, type Run } from './run.js';
import { knownStates } from './seenChangeStore.js';

/**
 * Reads and tells the appointment changes of the run's Location.
 *
 * @example await readAppointments(run);
 */
export async function readAppointments(run: Run): Promise<void> {
  const { locationId } = run;
  const calendars = calendarIdsOf(await read(run, 'GET', '/calendars/', { query: { locationId } }));
  run.summary.read.calendars += calendars.length;
  const checkedAt = run.checkpoint?.appointments_checked_at?.getTime() ?? null;
  const since = changesSince(checkedAt, run.connectedAt);
  for (const calendarId of calendars) {
    const query = appointmentQuery(locationId, calendarId, run.startedAt.getTime());
    const listed = appointmentsOf(await read(run, 'GET', '/calendars/events', { query }));
    run.summary.read.appointments += listed.length;
    const ids = listed.map((appointment) => appointment.id as string);
    const known = await knownStates(run.db, locationId, 'appointment', ids);
    await tellFindings(run, appointmentFindings(listed, known, locationId, since));
  }
  await saveProgress(run.db, locationId, { part: 'appointments', checkedAt: run.startedAt });
  run.summary.complete.appointments = true;
}
