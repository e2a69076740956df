import { describe, expect, it } from 'vitest';
import { scriptedFetch } from '../../test/scriptedFetch.js';
import { privateIntegrationToken } from '../auth/privateIntegrationToken.js';
import { HighLevel } from '../highlevel.js';
import {
  AppointmentNotes,
  Appointments,
  BlockedSlots,
  Calendars,
  Contacts,
  Conversations,
  CustomFields,
  Locations,
  Notes,
  OAuth,
  Opportunities,
  Pipelines,
  Tasks,
  Users,
} from './index.js';

describe('resources on the client', () => {
  it('are attached under the names users expect', () => {
    const auth = privateIntegrationToken('pit-test', { locationId: 'loc1' });
    const hl = new HighLevel({ auth, fetch: scriptedFetch({}).fetch, rateLimit: false });
    const expected = {
      contacts: Contacts,
      notes: Notes,
      tasks: Tasks,
      customFields: CustomFields,
      locations: Locations,
      calendars: Calendars,
      appointments: Appointments,
      blockedSlots: BlockedSlots,
      appointmentNotes: AppointmentNotes,
      opportunities: Opportunities,
      pipelines: Pipelines,
      users: Users,
      conversations: Conversations,
      oauth: OAuth,
    };
    for (const [name, type] of Object.entries(expected)) {
      expect(hl[name as keyof typeof expected], name).toBeInstanceOf(type);
    }
  });
});
