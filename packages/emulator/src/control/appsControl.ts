/**
 * Agencies and marketplace apps through the control API: create a Company, register an OAuth
 * app, install it as HighLevel's consent screen does (which yields the authorization `code` the
 * redirect would carry), and uninstall it. Installs and uninstalls announce INSTALL / UNINSTALL.
 */
import { newId } from '../ids.js';
import type { AppInstallRecord, OAuthAppRecord, UserType } from '../oauth/model.js';
import { installKey } from '../oauth/model.js';
import {
  AUTHORIZATION_CODE_MS,
  newAppCredentials,
  newAuthorizationCode,
  revokeAppCredentials,
} from '../oauth/tokens.js';
import { emit, nowIso, type Runtime } from '../runtime.js';
import type { CompanyRecord } from '../locations/model.js';
import { ControlError } from './controlError.js';

export interface RegisterAppInput {
  name?: string;
  /** Default: every scope. */
  scopes?: string[];
  /** Where the app's webhooks go. */
  webhookUrl?: string | null;
  /** Webhook events to send; default all that the scopes allow. */
  events?: string[] | null;
  /** The app's redirect URI; when set, the consent screen only sends codes there. */
  redirectUri?: string | null;
}

export interface RegisteredApp {
  appId: string;
  clientId: string;
  clientSecret: string;
}

export interface InstallAppInput {
  /** Install on this Location (a `Location` token by default). */
  locationId?: string;
  /** Or on this agency (a `Company` token). */
  companyId?: string;
  /** `Company` with a `locationId`: an agency token for that Location's Company. */
  userType?: UserType;
  /** Locations an agency install approves; default all of the Company's. */
  locationIds?: string[];
  /** The installing user; default the first user of the Location (or Company). */
  userId?: string;
  /** A subset of the app's scopes; default all of them. */
  scopes?: string[];
  /** Where the consent screen redirects; default the app's redirect URI. */
  redirectUri?: string;
}

export interface AppInstallation {
  /** The authorization code for `POST /oauth/token`: single-use, valid 10 minutes. */
  code: string;
  /** `<redirectUri>?code=…`, the consent screen's redirect; null without a redirect URI. */
  redirectUrl: string | null;
  userType: UserType;
  companyId: string;
  locationId: string | null;
}

export interface UninstallAppInput {
  locationId?: string;
  companyId?: string;
}

const notFound = (what: string, id: string) =>
  new ControlError(404, `${what}_not_found`, `No ${what} ${id} in the emulator`);
const invalid = (message: string) => new ControlError(422, 'invalid_install', message);

/** The Company `id`, created (named `name`) when it does not exist yet. */
export function ensureCompany(rt: Runtime, id: string, name = 'Emulated Agency'): CompanyRecord {
  return (rt.state.companies[id] ??= { id, name, dateAdded: nowIso(rt) });
}

export function appsControl(rt: Runtime, defaultScopes: readonly string[]) {
  const appOrThrow = (appId: string): OAuthAppRecord => {
    const app = rt.state.apps[appId];
    if (!app) throw notFound('app', appId);
    return app;
  };

  const firstUser = (companyId: string, locationId: string | null) =>
    Object.values(rt.state.users).find(
      (u) => u.companyId === companyId && (locationId === null || u.locationId === locationId),
    )?.id;

  /** Where an install goes: the Location or Company, its user type and approved Locations. */
  function installTarget(input: InstallAppInput) {
    if (Boolean(input.locationId) === Boolean(input.companyId)) {
      throw invalid('Send either locationId or companyId');
    }
    if (input.locationId) {
      const location = rt.state.locations[input.locationId];
      if (!location) throw notFound('location', input.locationId);
      const userType = input.userType ?? 'Location';
      return {
        companyId: location.companyId,
        locationId: userType === 'Location' ? location.id : null,
        userType,
        approved: [location.id],
      };
    }
    const companyId = input.companyId!;
    if (!rt.state.companies[companyId]) throw notFound('company', companyId);
    if (input.userType === 'Location') throw invalid('A Location token needs a locationId');
    const own = Object.values(rt.state.locations).filter((l) => l.companyId === companyId);
    const approved = input.locationIds ?? own.map((l) => l.id);
    const stranger = approved.find((id) => !own.some((l) => l.id === id));
    if (stranger) throw invalid(`Location ${stranger} is not in company ${companyId}`);
    return { companyId, locationId: null, userType: 'Company' as const, approved };
  }

  /**
   * Stores the installs (the first is the one the consent screen made: the Location, or the
   * agency followed by its approved Locations) and announces the first when it is new. The
   * payloads follow docs/webhook events/AppInstall.md: a Location install names the Location,
   * its Company and the installing user; an agency install only the Company.
   */
  function recordInstalls(
    app: OAuthAppRecord,
    installs: AppInstallRecord[],
    company: CompanyRecord,
  ) {
    const [primary] = installs;
    const isNew = !rt.state.installs[installKey(app.id, primary!.locationId ?? company.id)];
    for (const install of installs) {
      rt.state.installs[installKey(app.id, install.locationId ?? install.companyId)] ??= install;
    }
    if (!isNew || !primary) return;
    const payload: Record<string, unknown> = { appId: app.id, companyId: company.id };
    if (primary.locationId) {
      Object.assign(payload, {
        locationId: primary.locationId,
        userId: primary.userId,
        companyName: company.name,
        isWhitelabelCompany: false,
        whitelabelDetails: {},
      });
    }
    emit(rt, { type: 'INSTALL', locationId: primary.locationId, payload });
  }

  return {
    /** Creates an agency; Locations join it with `createLocation({ companyId })`. */
    createCompany(input: { name?: string; id?: string } = {}): { companyId: string } {
      const company = ensureCompany(rt, input.id ?? newId(), input.name);
      return { companyId: company.id };
    },

    /** Registers a marketplace app: its credentials, scopes, webhook URL and redirect URI. */
    registerApp(input: RegisterAppInput = {}): RegisteredApp {
      const { appId, clientId, clientSecret } = newAppCredentials();
      rt.state.apps[appId] = {
        id: appId,
        clientId,
        clientSecret,
        name: input.name ?? 'Emulated App',
        scopes: [...(input.scopes ?? defaultScopes)],
        webhookUrl: input.webhookUrl ?? null,
        events: input.events ? [...input.events] : null,
        redirectUri: input.redirectUri ?? null,
        dateAdded: nowIso(rt),
      };
      return { appId, clientId, clientSecret };
    },

    /**
     * Changes an app's settings as its developer does in the marketplace: where its webhooks go,
     * which events, its redirect URI (null clears one). Returns the app without its secret.
     */
    updateApp(
      appId: string,
      input: Pick<RegisterAppInput, 'webhookUrl' | 'events' | 'redirectUri'>,
    ): Omit<OAuthAppRecord, 'clientSecret'> {
      const app = appOrThrow(appId);
      if (input.webhookUrl !== undefined) app.webhookUrl = input.webhookUrl;
      if (input.events !== undefined) app.events = input.events ? [...input.events] : null;
      if (input.redirectUri !== undefined) app.redirectUri = input.redirectUri;
      const { clientSecret: _secret, ...shown } = app;
      return { ...shown, scopes: [...shown.scopes], events: shown.events && [...shown.events] };
    },

    /**
     * Installs the app as the consent screen does and returns the authorization code its
     * redirect would carry.
     */
    installApp(appId: string, input: InstallAppInput): AppInstallation {
      const app = appOrThrow(appId);
      const target = installTarget(input);
      const scopes = input.scopes ?? app.scopes;
      const extra = scopes.find((s) => !app.scopes.includes(s));
      if (extra) throw invalid(`The app was not configured with scope ${extra}`);
      const redirectUri = input.redirectUri ?? app.redirectUri;
      if (input.redirectUri && app.redirectUri && input.redirectUri !== app.redirectUri) {
        throw invalid(`redirect_uri ${input.redirectUri} is not the app's redirect URI`);
      }
      const company = ensureCompany(rt, target.companyId);
      const userId = input.userId ?? firstUser(company.id, target.locationId) ?? newId();
      const installedAt = nowIso(rt);
      const install = (locationId: string | null): AppInstallRecord => ({
        appId,
        companyId: company.id,
        locationId,
        userId,
        installedAt,
      });
      recordInstalls(
        app,
        target.userType === 'Company'
          ? [install(null), ...target.approved.map(install)]
          : [install(target.locationId)],
        company,
      );
      const code = newAuthorizationCode();
      rt.state.authorizationCodes[code] = {
        code,
        appId,
        companyId: company.id,
        locationId: target.locationId,
        userType: target.userType,
        userId,
        scopes: [...scopes],
        redirectUri,
        approvedLocations: target.userType === 'Company' ? [...target.approved] : [],
        expiresAt: rt.clock.now() + AUTHORIZATION_CODE_MS,
      };
      let redirectUrl: string | null = null;
      if (redirectUri) {
        const url = new URL(redirectUri);
        url.searchParams.set('code', code);
        redirectUrl = url.toString();
      }
      const { userType, locationId } = target;
      return { code, redirectUrl, userType, companyId: company.id, locationId };
    },

    /**
     * Removes the app from a Location, or from an agency and all its Locations: its tokens and
     * refresh tokens stop working, and the app gets UNINSTALL.
     */
    uninstallApp(appId: string, input: UninstallAppInput): void {
      const app = appOrThrow(appId);
      const resourceId = input.locationId ?? input.companyId;
      if (!resourceId || (input.locationId && input.companyId)) {
        throw invalid('Send either locationId or companyId');
      }
      const install = rt.state.installs[installKey(app.id, resourceId)];
      if (!install) {
        throw new ControlError(
          404,
          'not_installed',
          `App ${appId} is not installed on ${resourceId}`,
        );
      }
      const locationId = input.locationId ?? null;
      for (const [key, record] of Object.entries(rt.state.installs)) {
        const covered =
          record.appId === app.id &&
          record.companyId === install.companyId &&
          (locationId === null || record.locationId === locationId);
        if (covered) delete rt.state.installs[key];
      }
      revokeAppCredentials(rt, app.id, { companyId: install.companyId, locationId });
      emit(rt, {
        type: 'UNINSTALL',
        locationId,
        payload: {
          appId: app.id,
          companyId: install.companyId,
          ...(locationId ? { locationId } : {}),
        },
      });
    },
  };
}

export type AppsControl = ReturnType<typeof appsControl>;
