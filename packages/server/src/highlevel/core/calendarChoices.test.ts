import type { Calendar } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { calendarChoices, slotMinutesOf } from './calendarChoices.js';

const calendar = (fields: Partial<Calendar>): Calendar => ({
  id: 'cal_1',
  locationId: 'loc_1',
  name: 'Consultation',
  ...fields,
});

describe('slotMinutesOf', () => {
  it.each([
    [{ slotDuration: 30, slotDurationUnit: 'mins' }, 30],
    [{ slotDuration: 45 }, 45],
    [{ slotDuration: 1.5, slotDurationUnit: 'hours' }, 90],
    [{}, null],
    [{ slotDuration: 0, slotDurationUnit: 'mins' }, null],
  ] as const)('%j is %j minutes', (fields, minutes) => {
    expect(slotMinutesOf(fields)).toBe(minutes);
  });
});

describe('calendarChoices', () => {
  it('offers every calendar by name, drafts marked, lengths in minutes', () => {
    const choices = calendarChoices([
      calendar({ id: 'cal_b', name: 'Massage', slotDuration: 1, slotDurationUnit: 'hours' }),
      calendar({ id: 'cal_a', name: 'Consultation', calendarType: 'event', slotDuration: 30 }),
      calendar({ id: 'cal_c', name: 'Draft room', isActive: false }),
    ]);
    expect(choices).toEqual([
      {
        id: 'cal_a',
        name: 'Consultation',
        calendarType: 'event',
        isActive: true,
        slotMinutes: 30,
      },
      { id: 'cal_c', name: 'Draft room', calendarType: null, isActive: false, slotMinutes: null },
      { id: 'cal_b', name: 'Massage', calendarType: null, isActive: true, slotMinutes: 60 },
    ]);
  });

  it('names a calendar without a name by its id', () => {
    expect(calendarChoices([calendar({ id: 'cal_x', name: '  ' })])[0]?.name).toBe('cal_x');
  });
});
