/**
 * Businesses (spec/highlevel/apps/businesses.json): the companies a Location's contacts work
 * for. Create and update answer `{ success, buiseness }`, HighLevel's own spelling in
 * `UpdateBusinessResponseDto`; get answers `{ business }`, the list `{ businesses }`.
 */
import { businessOf } from '../businesses/lookup.js';
import { BUSINESS_DETAILS, type BusinessRecord } from '../businesses/model.js';
import { pageOf } from '../businesses/core/paging.js';
import { businessView } from '../businesses/view.js';
import { dtoRules, validBody } from '../dto.js';
import { unprocessable } from '../errors.js';
import { newId } from '../ids.js';
import { nowIso, route } from '../runtime.js';

const createRules = dtoRules('businesses', 'CreateBusinessDto');
const updateRules = dtoRules('businesses', 'UpdateBusinessDto');

/** `GET /businesses/` answers 100 businesses unless `limit` says otherwise (the spec's default). */
const DEFAULT_LIMIT = 100;

function applyDetails(business: BusinessRecord, input: Record<string, unknown>): void {
  for (const field of BUSINESS_DETAILS) {
    if (typeof input[field] === 'string') business[field] = input[field];
  }
}

export const listBusinessesRoute = route('GET', '/businesses/', ({ query, location, rt }) => {
  if (!query.get('locationId')) throw unprocessable(['locationId should not be empty']);
  const businesses = Object.values(rt.state.businesses)
    .filter((b) => b.locationId === location.id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    status: 200,
    body: { businesses: pageOf(query, businesses, DEFAULT_LIMIT).map(businessView) },
  };
});

export const getBusinessRoute = route(
  'GET',
  '/businesses/{businessId}',
  ({ params, location, rt }) => ({
    status: 200,
    body: { business: businessView(businessOf(rt, location, params.businessId!)) },
  }),
);

export const createBusinessRoute = route('POST', '/businesses/', ({ body, location, rt }) => {
  const input = validBody(createRules, body);
  const now = nowIso(rt);
  const business: BusinessRecord = {
    id: newId(),
    locationId: location.id,
    name: input.name as string,
    createdAt: now,
    updatedAt: now,
  };
  applyDetails(business, input);
  rt.state.businesses[business.id] = business;
  return { status: 201, body: { success: true, buiseness: businessView(business) } };
});

export const updateBusinessRoute = route(
  'PUT',
  '/businesses/{businessId}',
  ({ params, body, location, rt }) => {
    const business = businessOf(rt, location, params.businessId!);
    const input = validBody(updateRules, body);
    if (typeof input.name === 'string') business.name = input.name;
    applyDetails(business, input);
    business.updatedAt = nowIso(rt);
    return { status: 200, body: { success: true, buiseness: businessView(business) } };
  },
);

/** Deleting a business leaves its contacts without one (assumed, see DEVIATIONS.md). */
export const deleteBusinessRoute = route(
  'DELETE',
  '/businesses/{businessId}',
  ({ params, location, rt }) => {
    const business = businessOf(rt, location, params.businessId!);
    delete rt.state.businesses[business.id];
    for (const contact of Object.values(rt.state.contacts)) {
      if (contact.businessId === business.id) delete contact.businessId;
    }
    return { status: 200, body: { success: true } };
  },
);

export const businessRoutes = [
  listBusinessesRoute,
  getBusinessRoute,
  createBusinessRoute,
  updateBusinessRoute,
  deleteBusinessRoute,
];
