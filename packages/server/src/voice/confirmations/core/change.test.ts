import { describe, expect, it } from 'vitest';
import { cancellationNote, rescheduleNote } from './appointmentHistory.js';
import { changeKey, firstName, serviceOf } from './change.js';

const NY = 'America/New_York';

describe('changeKey', () => {
  it('keys each move by its new start, however the start is written', () => {
    const a = changeKey({ kind: 'rescheduled', start: '2026-12-01T14:30:00-05:00', timezone: NY });
    const b = changeKey({ kind: 'rescheduled', start: '2026-12-01 14:30:00', timezone: NY });
    expect(a).toBe('rescheduled:2026-12-01T19:30:00.000Z');
    expect(b).toBe(a);
    expect(
      changeKey({ kind: 'rescheduled', start: '2026-12-02T10:00:00-05:00', timezone: NY }),
    ).not.toBe(a);
  });

  it('keys a booking and a cancellation once per appointment', () => {
    expect(changeKey({ kind: 'booked', start: '2026-12-01T14:30:00-05:00', timezone: NY })).toBe(
      'booked',
    );
    expect(changeKey({ kind: 'cancelled', start: '2026-12-09T09:00:00-05:00', timezone: NY })).toBe(
      'cancelled',
    );
  });
});

describe('firstName', () => {
  it('greets by the first word of the name given', () => {
    expect(firstName('  Ada  Lovelace ')).toBe('Ada');
    expect(firstName(undefined)).toBe('');
  });
});

describe('serviceOf', () => {
  const services = [
    { name: 'Haircut', aliases: ['trim'], calendarId: 'cal_cuts' },
    { name: 'Colour', aliases: [], calendarId: 'cal_colour' },
    { name: 'Highlights', aliases: [], calendarId: 'cal_colour' },
  ];

  it('names the service asked for as the workspace names it', () => {
    expect(serviceOf(services, 'cal_cuts', 'a quick trim')).toBe('Haircut');
  });

  it('else names the only service of the calendar, and none when several share it', () => {
    expect(serviceOf(services, 'cal_cuts')).toBe('Haircut');
    expect(serviceOf(services, 'cal_colour')).toBeUndefined();
    expect(serviceOf(services, 'cal_default')).toBeUndefined();
  });
});

describe('appointment history notes', () => {
  it('writes the old and new times and the reason of a move, with a marker per move', () => {
    const note = rescheduleNote({
      appointmentId: 'apt_1',
      from: '2026-12-01T14:30:00-05:00',
      to: '2026-12-02 10:00:00',
      timezone: NY,
      reason: 'car trouble',
    });
    expect(note.body).toBe(
      [
        'Moved from Tuesday, December 1 at 2:30 PM to Wednesday, December 2 at 10 AM (America/New_York).',
        'Reason: car trouble',
        '[ghl-bridge voice rescheduled apt_1 2026-12-02T15:00:00.000Z]',
      ].join('\n'),
    );
    expect(note.body).toContain(note.marker);
  });

  it('writes a cancellation’s reason, or says none was given', () => {
    const note = cancellationNote({
      appointmentId: 'apt_1',
      start: '2026-12-01T14:30:00-05:00',
      timezone: NY,
    });
    expect(note.body).toBe(
      [
        'Cancelled: the appointment on Tuesday, December 1 at 2:30 PM (America/New_York).',
        'Reason: none given',
        '[ghl-bridge voice cancelled apt_1]',
      ].join('\n'),
    );
  });
});
