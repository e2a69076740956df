import { describe, expect, it } from 'vitest';
import {
  appointmentFindings,
  appointmentQuery,
  appointmentsOf,
  calendarIdsOf,
} from './appointments.js';
import { knownStatesOf } from './known.js';
import { appointmentState } from './recordState.js';

const SINCE = Date.parse('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(SINCE + minutes * 60_000).toISOString();
const appointment = (fields: Record<string, unknown> = {}) => ({
  id: 'apt_1',
  calendarId: 'cal_1',
  contactId: 'c_1',
  appointmentStatus: 'confirmed',
  startTime: '2026-03-05T10:00:00-05:00',
  endTime: '2026-03-05T11:00:00-05:00',
  dateAdded: at(-600),
  dateUpdated: at(5),
  ...fields,
});
const knownAs = (fields: Record<string, unknown>) => {
  const state = appointmentState(appointment(fields), 0);
  return knownStatesOf([
    { record_id: state.id, fingerprint: state.fingerprint, state_rank: state.rank },
  ]);
};
const nothingKnown = knownStatesOf([]);

describe('appointmentFindings', () => {
  it.each([
    ['updated since the last run', appointment(), nothingKnown, 'updated'],
    [
      'added since the last run, never seen',
      appointment({ dateAdded: at(1) }),
      nothingKnown,
      'created',
    ],
    [
      'cancelled since the last run',
      appointment({ appointmentStatus: 'cancelled' }),
      knownAs({ dateUpdated: at(-900) }),
      'cancelled',
    ],
    [
      'edited after it was cancelled',
      appointment({ appointmentStatus: 'cancelled', title: 'x', dateUpdated: at(9) }),
      knownAs({ appointmentStatus: 'cancelled' }),
      'updated',
    ],
    [
      'rescheduled',
      appointment({ startTime: '2026-03-06T10:00:00-05:00' }),
      knownAs({}),
      'updated',
    ],
  ])('%s: %s', (_what, listed, known, action) => {
    const [finding] = appointmentFindings([listed], known, 'loc_1', SINCE);
    expect(finding).toMatchObject({
      tell: true,
      change: { kind: 'appointment', action, id: 'apt_1' },
    });
  });

  it.each([
    ['already told (by its webhook)', appointment(), knownAs({})],
    ['unchanged since before the last run', appointment({ dateUpdated: at(-1) }), nothingKnown],
    [
      'older than a state already told',
      appointment({ dateUpdated: at(1) }),
      knownAs({ dateUpdated: at(7), title: 'y' }),
    ],
  ])('tells nothing of one %s', (_what, listed, known) => {
    expect(appointmentFindings([listed], known, 'loc_1', SINCE)).toEqual([]);
  });

  it('tells what the app needs to act: calendar, contact, status and times', () => {
    const [finding] = appointmentFindings([appointment()], nothingKnown, 'loc_1', SINCE);
    expect(finding!.change).toEqual({
      kind: 'appointment',
      action: 'updated',
      id: 'apt_1',
      locationId: 'loc_1',
      calendarId: 'cal_1',
      contactId: 'c_1',
      status: 'confirmed',
      startTime: '2026-03-05T10:00:00-05:00',
      endTime: '2026-03-05T11:00:00-05:00',
    });
  });
});

describe('reading the answers', () => {
  it('takes the calendars and appointments with ids, and nothing else', () => {
    expect(calendarIdsOf({ calendars: [{ id: 'c1' }, { name: 'no id' }, null] })).toEqual(['c1']);
    expect(calendarIdsOf({})).toEqual([]);
    expect(appointmentsOf({ events: [{ id: 'a1' }, 'x'] })).toEqual([{ id: 'a1' }]);
    expect(appointmentsOf(undefined)).toEqual([]);
  });

  it('asks for a day back and 90 days ahead, in epoch ms', () => {
    const now = Date.parse('2026-03-02T00:00:00Z');
    expect(appointmentQuery('loc_1', 'cal_1', now)).toEqual({
      locationId: 'loc_1',
      calendarId: 'cal_1',
      startTime: String(now - 86_400_000),
      endTime: String(now + 90 * 86_400_000),
    });
  });
});
