/**
 * `GET /locations/search` (spec/highlevel/apps/locations.json, "Search Sub-Account"): an agency
 * token finds its agency's Locations; a Location token, which the spec also admits, finds only its
 * own Location (assumed, see DEVIATIONS.md). `companyId`, when given, must be the token's agency.
 */
import { pageOf } from '../businesses/core/paging.js';
import { wrongLocation } from '../errors.js';
import type { LocationRecord } from '../locations/model.js';
import type { AgencyRouteRequest } from '../runtime.js';
import { route } from '../runtime.js';
import { locationView } from './locations.js';

/** The spec's default page: "Default will be 10". */
const DEFAULT_LIMIT = 10;

/** A Location as the search lists it (`GetLocationSchema`). */
function searchedLocationView(location: LocationRecord) {
  const { id, name, timezone, country, settings } = locationView(location);
  return { id, name, timezone, country, settings };
}

function searchLocations(query: URLSearchParams, companyId: string, visible: LocationRecord[]) {
  const asked = query.get('companyId');
  if (asked && asked !== companyId) throw wrongLocation();
  // Emulated Locations have no email, so a search by email finds none.
  // Oldest first, Locations made at one instant in the order they were made.
  const found = (query.get('email') ? [] : [...visible]).sort((a, b) =>
    a.dateAdded.localeCompare(b.dateAdded),
  );
  if (query.get('order') === 'desc') found.reverse();
  return {
    status: 200,
    body: { locations: pageOf(query, found, DEFAULT_LIMIT).map(searchedLocationView) },
  };
}

export const searchLocationsRoute = {
  ...route('GET', '/locations/search', ({ query, location }) =>
    searchLocations(query, location.companyId, [location]),
  ),
  handleAgency: ({ query, company, rt }: AgencyRouteRequest) =>
    searchLocations(
      query,
      company.id,
      Object.values(rt.state.locations).filter((l) => l.companyId === company.id),
    ),
};

export const locationSearchRoutes = [searchLocationsRoute];
