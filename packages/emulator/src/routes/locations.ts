/** `GET /locations/{locationId}` (locations.json GetLocationByIdSchema). */
import { route } from '../runtime.js';
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

export const locationRoutes = [getLocationRoute];
