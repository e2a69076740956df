/** HighLevel's OAuth endpoints (oauth.json): the token endpoint and the agency-only operations. */
import {
  locationTokenOnAgencyOperation,
  operationCase,
  otherLocation,
  UNKNOWN_ID,
  unknownProperty,
  withBody,
  withoutField,
  withoutQuery,
  withQuery,
  type ConformanceCase,
} from './cases.js';
import type { Context, OperationKey } from './context.js';
import { newAuthorizationCode } from './fixtures.js';

const NO_ACCESS = 'The token does not have access to this location.';

/** A Location of the agency created after the app's install, so the app is not on it. */
const NOT_INSTALLED = 'NotInstalledLocation';
const locationWithoutTheApp = (ctx: Context) => {
  ctx.emulator.control.createLocation({ id: NOT_INSTALLED, companyId: ctx.companyId });
};

export const oauthCases: Record<OperationKey, ConformanceCase> = {
  'POST /oauth/token': operationCase({
    auth: 'open',
    prepare: newAuthorizationCode,
    request: (_ctx, app) => ({
      form: {
        client_id: app.clientId,
        client_secret: app.clientSecret,
        grant_type: 'authorization_code',
        code: app.code,
      },
    }),
    errors: [
      withBody(
        'a wrong client secret',
        { client_secret: 'not-the-secret' },
        401,
        'Invalid client: client is invalid',
      ),
      withBody(
        'an unknown code',
        { code: UNKNOWN_ID },
        400,
        'Invalid grant: authorization code is invalid',
      ),
      withoutField('grant_type'),
      unknownProperty,
    ],
  }),
  'POST /oauth/locationToken': operationCase({
    auth: 'agency',
    prepare: locationWithoutTheApp,
    request: (ctx) => ({ form: { companyId: ctx.companyId, locationId: ctx.locationId } }),
    errors: [
      locationTokenOnAgencyOperation,
      withBody(
        'a Location of the agency without the app',
        { locationId: NOT_INSTALLED },
        400,
        `The app is not installed on location ${NOT_INSTALLED}`,
      ),
      withBody('another agency', { companyId: UNKNOWN_ID }, 403, NO_ACCESS),
      otherLocation,
      withoutField('locationId'),
      unknownProperty,
    ],
  }),
  'GET /oauth/installedLocations': operationCase({
    auth: 'agency',
    request: (ctx) => ({ query: { companyId: ctx.companyId, appId: ctx.agency.appId } }),
    errors: [
      locationTokenOnAgencyOperation,
      withoutQuery('appId'),
      withQuery('companyId', UNKNOWN_ID, 403, NO_ACCESS),
    ],
  }),
};
