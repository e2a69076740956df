/**
 * Locations through the control API: a Location with its full-access token, more tokens with
 * chosen scopes, and the Location's users. HighLevel makes these in its UI, so tests and the demo
 * seed make them here.
 */
import type { DuplicateField } from '../contacts/core/model.js';
import { newId, newPitToken } from '../ids.js';
import type { UserRecord } from '../locations/model.js';
import type { Runtime } from '../runtime.js';
import { addLocation } from '../locations/addLocation.js';
import { ensureCompany } from './appsControl.js';
import { knownLocation } from './knownLocation.js';

export interface CreateLocationInput {
  name?: string;
  timezone?: string;
  /** ISO country code; reads national phone numbers. Default `US`. */
  country?: string;
  /** Default false, as on HighLevel. */
  allowDuplicateContact?: boolean;
  /** Default `['email', 'phone']`. */
  duplicatePriority?: DuplicateField[];
  /** Fixed ids and token, for seeds; generated when absent. */
  id?: string;
  companyId?: string;
  token?: string;
}

export interface CreatedLocation {
  locationId: string;
  companyId: string;
  /** A private-integration token for this Location holding every scope. */
  token: string;
}

export interface CreateTokenInput {
  /** Default: every scope. */
  scopes?: string[];
  /** Epoch ms after which the token is refused (401 Invalid JWT). */
  expiresAt?: number | null;
  token?: string;
}

export interface CreateUserInput {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  role?: 'admin' | 'user';
}

/** The Location part of the control surface; `defaultScopes` is what a token holds unasked. */
export function locationsControl(rt: Runtime, defaultScopes: readonly string[]) {
  const control = {
    /** Creates a Location and a full-access `pit-` token for it. */
    createLocation(input: CreateLocationInput = {}): CreatedLocation {
      const companyId = ensureCompany(rt, input.companyId ?? newId()).id;
      const { token: _token, ...fields } = input;
      const { id } = addLocation(rt, { ...fields, companyId });
      const { token } = control.createToken(id, input.token ? { token: input.token } : {});
      return { locationId: id, companyId, token };
    },

    /** A new private-integration token for the Location with `scopes` (default all). */
    createToken(locationId: string, input: CreateTokenInput = {}): { token: string } {
      const location = knownLocation(rt, locationId);
      const token = input.token ?? newPitToken();
      rt.state.tokens[token] = {
        token,
        kind: 'pit',
        locationId,
        companyId: location.companyId,
        // Each private integration is its own app for rate limiting.
        appId: `pit:${token.slice(-12)}`,
        scopes: [...(input.scopes ?? defaultScopes)],
        expiresAt: input.expiresAt ?? null,
      };
      return { token };
    },

    /** Revokes a token: later requests with it get 401 Invalid JWT. */
    revokeToken(token: string): void {
      delete rt.state.tokens[token];
      delete rt.state.companyTokens[token];
    },

    /** A user of the Location; unnamed fields get placeholder values. */
    createUser(locationId: string, input: CreateUserInput = {}): UserRecord {
      const location = knownLocation(rt, locationId);
      const firstName = input.firstName ?? 'Emulated';
      const lastName = input.lastName ?? 'User';
      const user: UserRecord = {
        id: newId(),
        locationId,
        companyId: location.companyId,
        name: `${firstName} ${lastName}`.trim(),
        firstName,
        lastName,
        email: input.email ?? `${firstName}.${lastName}@example.com`.toLowerCase(),
        phone: input.phone ?? '',
        role: input.role ?? 'admin',
      };
      rt.state.users[user.id] = user;
      return user;
    },
  };
  return control;
}
