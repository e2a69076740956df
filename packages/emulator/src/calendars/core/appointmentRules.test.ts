import { describe, expect, it } from 'vitest';
import type { ContactRecord } from '../../contacts/core/model.js';
import { appointmentTitle } from './appointmentRules.js';
import { testCalendar } from './testing.js';

const contact = (fields: Partial<ContactRecord>): ContactRecord => ({
  id: 'c1',
  locationId: 'loc_1',
  type: 'lead',
  tags: [],
  customFields: {},
  dateAdded: '',
  dateUpdated: '',
  ...fields,
});

describe('appointmentTitle', () => {
  it.each([
    {
      eventTitle: '{{contact.name}}',
      who: { firstName: 'Ada', lastName: 'Lovelace' },
      title: 'Ada Lovelace',
    },
    {
      eventTitle: '{{contact.name}}',
      who: { name: 'Countess', firstName: 'Ada' },
      title: 'Countess',
    },
    {
      eventTitle: 'Call {{ contact.first_name }} ({{contact.phone}})',
      who: { firstName: 'Ada', phone: '+14155550100' },
      title: 'Call Ada (+14155550100)',
    },
    { eventTitle: 'Visit: {{contact.last_name}}', who: { firstName: 'Ada' }, title: 'Visit:' },
    { eventTitle: '{{contact.name}}', who: { email: 'ada@example.com' }, title: 'Consultation' },
    { eventTitle: '{{contact.unknown}} check-up', who: {}, title: 'check-up' },
  ])('$eventTitle for $who is "$title"', ({ eventTitle, who, title }) => {
    expect(appointmentTitle(testCalendar({ eventTitle }), contact(who))).toBe(title);
  });
});
