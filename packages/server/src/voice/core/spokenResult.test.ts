import { describe, expect, it } from 'vitest';
import { storedOutcomeFromJson } from './bookingSteps.js';
import { appointmentIdFromHighLevel, type AppointmentId, type ToolOutcome } from './outcomes.js';
import { formatToolResult, spokenResult } from './spokenResult.js';

const NY = 'America/New_York';
/** Monday 2026-11-30, 10 AM in New York. */
const NOW = new Date('2026-11-30T15:00:00Z');
const apt = appointmentIdFromHighLevel({ id: 'apt_1' }) as AppointmentId;
const TOMORROW = '2026-12-01T14:30:00-05:00';

const line = (outcome: ToolOutcome) => formatToolResult(spokenResult(outcome, NOW));

describe('spokenResult', () => {
  it.each<[string, ToolOutcome, string]>([
    [
      'offered slots, relative to now',
      { status: 'ok', timezone: NY, slots: [{ id: 's1', start: TOMORROW }] },
      '{"status":"ok","timezone":"America/New_York","slots":[{"id":"s1","start":"2026-12-01T14:30:00-05:00","label":"tomorrow at 2:30 PM"}],"message":"I have tomorrow at 2:30 PM. Which works best?"}',
    ],
    [
      'a booking, by its date: the same words when said again later',
      {
        status: 'booked',
        appointmentId: apt,
        contactId: 'c_1',
        start: TOMORROW,
        timezone: 'America/Los_Angeles',
      },
      '{"status":"booked","appointmentId":"apt_1","contactId":"c_1","start":"2026-12-01T14:30:00-05:00","message":"You\'re booked for Tuesday, December 1 at 11:30 AM."}',
    ],
    [
      'a taken slot: the sentence by date, the labels relative to now',
      { status: 'slot_unavailable', timezone: NY, alternatives: [{ id: 's2', start: TOMORROW }] },
      '{"status":"slot_unavailable","alternatives":[{"id":"s2","start":"2026-12-01T14:30:00-05:00","label":"tomorrow at 2:30 PM"}],"message":"That time was just taken. I can offer Tuesday, December 1 at 2:30 PM."}',
    ],
    [
      'a move, relative to now',
      { status: 'rescheduled', appointmentId: apt, start: TOMORROW, timezone: NY },
      '{"status":"rescheduled","appointmentId":"apt_1","start":"2026-12-01T14:30:00-05:00","message":"Your appointment is moved to tomorrow at 2:30 PM."}',
    ],
    [
      'a cancellation names the appointment, not its start',
      { status: 'cancelled', appointmentId: 'apt_1', start: TOMORROW, timezone: NY },
      '{"status":"cancelled","appointmentId":"apt_1","message":"Your appointment tomorrow at 2:30 PM is cancelled."}',
    ],
    [
      'no upcoming appointments is not_found',
      { status: 'ok', timezone: NY, appointments: [] },
      '{"status":"not_found","message":"I couldn\'t find any upcoming appointments for you."}',
    ],
    [
      "the caller's one upcoming appointment, not found",
      { status: 'not_found', lookedFor: 'callers_upcoming_appointment' },
      '{"status":"not_found","message":"I couldn\'t find an upcoming appointment for you."}',
    ],
    [
      'nothing missing is said when only a field is malformed',
      { status: 'needs_info', missing: [], invalid: [{ field: 'date', expected: 'a date' }] },
      '{"status":"needs_info","missing":[],"invalid":[{"field":"date","expected":"a date"}],"message":"For date I need a date."}',
    ],
    [
      'an empty list of malformed fields is left out',
      { status: 'needs_info', missing: ['name'], invalid: [] },
      '{"status":"needs_info","missing":["name"],"message":"I still need the name."}',
    ],
  ])('%s', (_name, outcome, expected) => {
    expect(line(outcome)).toBe(expected);
  });
});

describe('a booking kept under its idempotency key', () => {
  it('is said as first answered when stored with its timezone', () => {
    const first = { status: 'booked', appointmentId: apt, contactId: 'c_1', start: TOMORROW };
    const stored = storedOutcomeFromJson({ kind: 'answered', result: { ...first, timezone: NY } });
    expect(stored?.kind === 'answered' && line(stored.result)).toBe(
      '{"status":"booked","appointmentId":"apt_1","contactId":"c_1","start":"2026-12-01T14:30:00-05:00","message":"You\'re booked for Tuesday, December 1 at 2:30 PM."}',
    );
  });

  it('is said word for word when stored with the sentence instead of the timezone', () => {
    const row = {
      kind: 'answered',
      result: {
        status: 'booked',
        appointmentId: 'apt_1',
        contactId: 'c_1',
        start: TOMORROW,
        message: "You're booked for Tuesday, December 1 at 11:30 AM.",
      },
    };
    const stored = storedOutcomeFromJson(JSON.parse(JSON.stringify(row)));
    expect(stored?.kind === 'answered' && line(stored.result)).toBe(JSON.stringify(row.result));
  });

  it('is refused with neither', () => {
    const result = { status: 'booked', appointmentId: 'apt_1', contactId: 'c_1', start: TOMORROW };
    expect(storedOutcomeFromJson({ kind: 'answered', result })).toBeUndefined();
  });
});
