/**
 * The conformance table: one entry per HighLevel operation the emulator implements, keyed
 * `METHOD path` exactly as `highLevelRoutes` declares it. `completeness.int.test.ts` fails when a
 * route has no entry here.
 */
import { appointmentNoteCases } from './appointmentNotes.cases.js';
import { calendarAdminCases } from './calendarAdmin.cases.js';
import { automationCases } from './automation.cases.js';
import { calendarCases } from './calendars.cases.js';
import type { ConformanceCase } from './cases.js';
import { contactActivityCases } from './contactActivity.cases.js';
import { contactCases } from './contacts.cases.js';
import type { OperationKey } from './context.js';
import { locationCases } from './locations.cases.js';
import { oauthCases } from './oauth.cases.js';
import { opportunityCases } from './opportunities.cases.js';
import { otherCases } from './other.cases.js';
import { peopleCases } from './people.cases.js';
import { businessCases } from './businesses.cases.js';
import { userCases } from './users.cases.js';

export const conformanceTable: Record<OperationKey, ConformanceCase> = {
  ...contactCases,
  ...contactActivityCases,
  ...locationCases,
  ...calendarCases,
  ...calendarAdminCases,
  ...appointmentNoteCases,
  ...oauthCases,
  ...opportunityCases,
  ...otherCases,
  ...peopleCases,
  ...businessCases,
  ...userCases,
  ...automationCases,
};
