/**
 * `GET /companies/{companyId}` (spec/highlevel/apps/companies.json): the agency of an agency
 * token. Any other company is a 403, as another Location is (assumed, see DEVIATIONS.md).
 */
import { wrongLocation } from '../errors.js';
import { agencyRoute } from '../runtime.js';

export const getCompanyRoute = agencyRoute(
  'GET',
  '/companies/{companyId}',
  ({ params, company }) => {
    if (params.companyId !== company.id) throw wrongLocation();
    return { status: 200, body: { company: { id: company.id, name: company.name } } };
  },
);

export const companyRoutes = [getCompanyRoute];
