/**
 * HighLevel's OAuth endpoints (spec/highlevel/apps/oauth.json): the token endpoint, and the two
 * agency-only operations that list an app's Locations and mint a Location token from an agency
 * (Company) token.
 */
import { dtoRules, validBody } from '../dto.js';
import { badRequest, unprocessable, wrongLocation } from '../errors.js';
import { newTraceId } from '../ids.js';
import { tokenGrant } from '../oauth/grants.js';
import { installKey } from '../oauth/model.js';
import { issueTokens } from '../oauth/tokens.js';
import { agencyRoute, openRoute } from '../runtime.js';

const locationTokenRules = dtoRules('oauth', 'GetLocationAccessCodeBodyDto');

export const tokenRoute = openRoute('POST', '/oauth/token', ({ body, rt }) => ({
  status: 200,
  body: tokenGrant(rt, body),
}));

/**
 * A Location token for one of the agency's Locations where the app is installed. HighLevel's docs
 * sample adds `refresh_token`, `userType`, `companyId` and `traceId` to the spec's fields
 * (docs/highlevel-behaviour.md#agency-and-location-tokens); the refresh token rotates like any
 * other.
 */
export const locationTokenRoute = agencyRoute(
  'POST',
  '/oauth/locationToken',
  ({ body, token, company, rt }) => {
    const form = validBody(locationTokenRules, body);
    if (form.companyId !== company.id) throw wrongLocation();
    const locationId = String(form.locationId);
    if (!rt.state.installs[installKey(token.appId, locationId)]) {
      throw badRequest(`The app is not installed on location ${locationId}`);
    }
    const tokens = issueTokens(rt, {
      appId: token.appId,
      companyId: company.id,
      locationId,
      userType: 'Location',
      userId: token.userId,
      scopes: token.scopes,
      approvedLocations: [],
    });
    return { status: 200, body: { ...tokens, appId: token.appId, traceId: newTraceId() } };
  },
);

const flag = (value: string | null) => (value === null ? undefined : value === 'true');

/** The agency's Locations and whether `appId` is installed on each, filtered and paged. */
export const installedLocationsRoute = agencyRoute(
  'GET',
  '/oauth/installedLocations',
  ({ query, company, rt }) => {
    const errors = ['companyId', 'appId']
      .filter((name) => !query.get(name))
      .map((name) => `${name} should not be empty`);
    if (errors.length > 0) throw unprocessable(errors);
    if (query.get('companyId') !== company.id) throw wrongLocation();
    const appId = query.get('appId')!;
    const isInstalled = flag(query.get('isInstalled'));
    const text = query.get('query')?.toLowerCase();
    const only = query.get('locationId');
    const rows = Object.values(rt.state.locations)
      .filter((l) => l.companyId === company.id)
      .map((l) => ({ location: l, install: rt.state.installs[installKey(appId, l.id)] }))
      .filter(({ install }) => isInstalled === undefined || Boolean(install) === isInstalled)
      .filter(({ location }) => !text || location.name.toLowerCase().includes(text))
      .filter(({ location }) => !only || location.id === only);
    const skip = Number(query.get('skip') ?? 0) || 0;
    const limit = Number(query.get('limit') ?? 20) || 20;
    const locations = rows.slice(skip, skip + limit).map(({ location, install }) => ({
      _id: location.id,
      name: location.name,
      address: '',
      isInstalled: Boolean(install),
      ...(install ? { installedAt: install.installedAt } : {}),
    }));
    return {
      status: 200,
      body: { locations, count: rows.length, installToFutureLocations: false },
    };
  },
);

export const oauthRoutes = [tokenRoute, locationTokenRoute, installedLocationsRoute];
