import type { CreateCalendarInput } from './control/calendarsControl.js';
import type { Seeder } from './control/control.js';

/** The demo Location `seed: 'demo'` creates, with fixed ids so docs and scripts can name them. */
export const DEMO = {
  locationId: 'DemoLocation00000001',
  companyId: 'DemoCompany000000001',
  token: 'pit-00000000-0000-4000-8000-000000000001',
  /** Mon-Fri 09:00-17:00 New York time, 30-minute slots, one booking per slot. */
  calendarId: 'DemoCalendar00000001',
  /** Stages New, Contacted, Booked, Won, with the ids in `pipelineStageIds`. */
  pipelineId: 'DemoPipeline00000001',
  pipelineStageIds: {
    new: '00000000-0000-4000-8000-0000000000a1',
    contacted: '00000000-0000-4000-8000-0000000000a2',
    booked: '00000000-0000-4000-8000-0000000000a3',
    won: '00000000-0000-4000-8000-0000000000a4',
  },
} as const;

/**
 * A "Consultation" calendar owned by `ownerId`: Monday to Friday 09:00–17:00 in the Location's
 * time zone, 30-minute slots, one booking per slot. The demo's calendar; tests and benchmarks
 * create the same one.
 *
 * @example control.createCalendar(locationId, weekdayCalendar(owner.id));
 */
export function weekdayCalendar(ownerId: string): CreateCalendarInput {
  return {
    name: 'Consultation',
    calendarType: 'event',
    teamMembers: [{ userId: ownerId, isPrimary: true }],
    slotDuration: 30,
    slotInterval: 30,
    openHours: [
      {
        daysOfTheWeek: [1, 2, 3, 4, 5],
        hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }],
      },
    ],
  };
}

export const seedDemo: Seeder = (control) => {
  control.createLocation({
    id: DEMO.locationId,
    companyId: DEMO.companyId,
    token: DEMO.token,
    name: 'Demo Location',
    timezone: 'America/New_York',
  });
  const owner = control.createUser(DEMO.locationId, {
    firstName: 'Demo',
    lastName: 'Owner',
    email: 'owner@demo.example',
  });
  control.createCalendar(DEMO.locationId, weekdayCalendar(owner.id), { id: DEMO.calendarId });
  const stage = DEMO.pipelineStageIds;
  control.createPipeline(DEMO.locationId, {
    id: DEMO.pipelineId,
    name: 'Bookings',
    stages: [
      { name: 'New', id: stage.new },
      { name: 'Contacted', id: stage.contacted },
      { name: 'Booked', id: stage.booked },
      { name: 'Won', id: stage.won },
    ],
  });
};

export const noSeed: Seeder = () => {};
