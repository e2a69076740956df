/**
 * `GET /locations/{locationId}` (locations.json GetLocationByIdSchema), and `POST /locations/`:
 * an agency makes a sub-account (agency tokens only, as the spec says: `Agency-Access`).
 */
import { dtoRules, validBody } from '../dto.js';
import { wrongLocation } from '../errors.js';
import { addLocation } from '../locations/addLocation.js';
import { agencyRoute, route } from '../runtime.js';
import type { LocationRecord } from '../locations/model.js';

export function locationView(location: LocationRecord) {
  return {
    id: location.id,
    companyId: location.companyId,
    name: location.name,
    timezone: location.timezone,
    country: location.country,
    business: { name: location.name, country: location.country, timezone: location.timezone },
    settings: {
      allowDuplicateContact: location.allowDuplicateContact,
      allowDuplicateOpportunity: false,
      allowFacebookNameMerge: false,
      disableContactTimezone: false,
    },
  };
}

export const getLocationRoute = route('GET', '/locations/{locationId}', ({ location }) => ({
  status: 200,
  body: { location: locationView(location) },
}));

const createRules = dtoRules('locations', 'CreateLocationDto');

/**
 * Answers `CreateLocationSuccessfulResponseDto`: the fields it was given, by HighLevel's names.
 * The rest of a real sub-account's setup (a snapshot loaded, Twilio, Mailgun) is not emulated.
 */
export const createLocationRoute = agencyRoute('POST', '/locations/', ({ body, company, rt }) => {
  const input = validBody(createRules, body);
  if (input.companyId !== company.id) throw wrongLocation();
  const text = (key: string) => (typeof input[key] === 'string' ? input[key] : undefined);
  const location = addLocation(rt, {
    companyId: company.id,
    name: text('name')!,
    ...(text('timezone') ? { timezone: text('timezone')! } : {}),
    ...(text('country') ? { country: text('country')! } : {}),
  });
  const given = ['phone', 'address', 'city', 'state', 'postalCode', 'website'].filter(text);
  return {
    status: 200,
    body: {
      id: location.id,
      companyId: location.companyId,
      name: location.name,
      country: location.country,
      timezone: location.timezone,
      ...Object.fromEntries(given.map((key) => [key, text(key)])),
    },
  };
});

export const locationRoutes = [getLocationRoute, createLocationRoute];
