import { describe, expect, it } from 'vitest';
import { serviceCalendar } from './serviceCalendar.js';

const services = [
  { name: 'Haircut', aliases: ['cut', 'trim'], calendarId: 'cal_cuts' },
  { name: 'Hair colour', aliases: ['color', 'dye'], calendarId: 'cal_colour' },
  { name: 'Beard trim', aliases: [], calendarId: 'cal_beard' },
];

describe('serviceCalendar', () => {
  it('books the default calendar when no service is asked or none are mapped', () => {
    expect(serviceCalendar(undefined, services, 'cal_default')).toEqual({
      calendarId: 'cal_default',
    });
    expect(serviceCalendar('haircut', [], 'cal_default')).toEqual({ calendarId: 'cal_default' });
  });

  it('finds a service by its name or an alias, in any case, inside a phrase', () => {
    expect(serviceCalendar('HAIRCUT', services, 'd')).toEqual({
      calendarId: 'cal_cuts',
      service: 'Haircut',
    });
    expect(serviceCalendar("a men's cut please", services, 'd')).toEqual({
      calendarId: 'cal_cuts',
      service: 'Haircut',
    });
    expect(serviceCalendar('color', services, 'd')).toEqual({
      calendarId: 'cal_colour',
      service: 'Hair colour',
    });
  });

  it('takes the longest name found: "beard trim" is not a trim', () => {
    expect(serviceCalendar('beard trim', services, 'd')).toEqual({
      calendarId: 'cal_beard',
      service: 'Beard trim',
    });
  });

  it('answers the services offered for one that is not', () => {
    expect(serviceCalendar('massage', services, 'd')).toEqual({
      unknown: true,
      offered: ['Haircut', 'Hair colour', 'Beard trim'],
    });
  });
});
