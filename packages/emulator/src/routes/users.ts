/**
 * Users (spec/highlevel/apps/users.json): search and get, with an agency (Company) or a Location
 * token. `companyId` is required in search even with a Location token, which sees only its
 * Location's users. `GET /users/{userId}` answers the user unwrapped; `GET /users/` lists a
 * Location's users.
 */
import { requiredQuery } from '../calendars/requiredQuery.js';
import { badRequest, unprocessable, wrongLocation } from '../errors.js';
import type { AgencyRouteRequest, RouteRequest } from '../runtime.js';
import { route } from '../runtime.js';
import type { UserRecord } from '../locations/model.js';

/** A stored user as HighLevel returns it (`UserSchema`); every emulated user is a Location's. */
export function userView(user: UserRecord) {
  return {
    id: user.id,
    name: user.name,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    phone: user.phone,
    extension: '',
    roles: {
      type: 'account',
      role: user.role,
      locationIds: [user.locationId],
      restrictSubAccount: false,
    },
    deleted: false,
  };
}

/** Who is asking: the Company whose users it may see, and which of them. */
interface Caller {
  companyId: string;
  sees: (user: UserRecord) => boolean;
}

const locationCaller = ({ location }: RouteRequest): Caller => ({
  companyId: location.companyId,
  sees: (user) => user.locationId === location.id,
});

const agencyCaller = ({ company }: AgencyRouteRequest): Caller => ({
  companyId: company.id,
  sees: (user) => user.companyId === company.id,
});

const SORTABLE = new Set(['name', 'firstName', 'lastName', 'email']);

function searchUsers(query: URLSearchParams, users: UserRecord[], caller: Caller) {
  const companyId = query.get('companyId');
  if (!companyId) throw unprocessable(['companyId should not be empty']);
  if (companyId !== caller.companyId) throw wrongLocation();
  const text = query.get('query')?.toLowerCase();
  const ids = query.get('ids')?.split(',').filter(Boolean);
  const filters: ((u: UserRecord) => boolean)[] = [
    caller.sees,
    (u) => !query.get('locationId') || u.locationId === query.get('locationId'),
    (u) => !query.get('role') || u.role === query.get('role'),
    () => !query.get('type') || query.get('type') === 'account',
    (u) => !ids || ids.includes(u.id),
    (u) => !text || [u.name, u.email, u.phone].some((v) => v.toLowerCase().includes(text)),
  ];
  const found = users.filter((u) => filters.every((f) => f(u)));
  const sort = query.get('sort');
  if (sort && SORTABLE.has(sort)) {
    const key = sort as 'name' | 'firstName' | 'lastName' | 'email';
    const sign = query.get('sortDirection') === 'desc' ? -1 : 1;
    found.sort((a, b) => sign * a[key].localeCompare(b[key]));
  }
  const skip = Number(query.get('skip') ?? 0) || 0;
  const limit = Number(query.get('limit') ?? 25) || 25;
  return {
    status: 200,
    body: { users: found.slice(skip, skip + limit).map(userView), count: found.length },
  };
}

function getUser(id: string, users: Record<string, UserRecord>, caller: Caller) {
  const user = users[id];
  if (!user) throw badRequest(`User not found for id:${id}`);
  if (!caller.sees(user)) throw wrongLocation();
  return { status: 200, body: userView(user) };
}

export const searchUsersRoute = {
  ...route('GET', '/users/search', (req) =>
    searchUsers(req.query, Object.values(req.rt.state.users), locationCaller(req)),
  ),
  handleAgency: (req: AgencyRouteRequest) =>
    searchUsers(req.query, Object.values(req.rt.state.users), agencyCaller(req)),
};

export const getUserRoute = {
  ...route('GET', '/users/{userId}', (req) =>
    getUser(req.params.userId!, req.rt.state.users, locationCaller(req)),
  ),
  handleAgency: (req: AgencyRouteRequest) =>
    getUser(req.params.userId!, req.rt.state.users, agencyCaller(req)),
};

/**
 * `GET /users/?locationId=` ("Get User by Location", deprecated in favour of `GET /users/search`
 * but still served): every user of the Location, oldest first, as `{ users }`
 * (`LocationSuccessfulResponseDto`). Location tokens only, as the spec's security says.
 */
export const usersByLocationRoute = route('GET', '/users/', ({ query, location, rt }) => {
  requiredQuery(query, { strings: ['locationId'] });
  const users = Object.values(rt.state.users).filter((user) => user.locationId === location.id);
  return { status: 200, body: { users: users.map(userView) } };
});

export const userRoutes = [searchUsersRoute, getUserRoute, usersByLocationRoute];
