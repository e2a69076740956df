/**
 * Users' writes (spec/highlevel/apps/users.json): `POST /users/`, `PUT/DELETE /users/{userId}`,
 * with a Location or an agency token, and the agency-only `POST /users/search/filter-by-email`.
 * Every emulated user belongs to one Location (see DEVIATIONS.md, Users); the views are
 * `GET /users/{userId}`'s.
 */
import { dtoRules, validBody } from '../dto.js';
import { badRequest, unprocessable, wrongLocation } from '../errors.js';
import { newId } from '../ids.js';
import type { LocationRecord, UserRecord } from '../locations/model.js';
import {
  agencyRoute,
  route,
  type AgencyRouteRequest,
  type RouteRequest,
  type Runtime,
} from '../runtime.js';
import { userView } from './users.js';

const createRules = dtoRules('users', 'CreateUserDto');
const updateRules = dtoRules('users', 'UpdateUserDto');
const filterRules = dtoRules('users', 'FilterByEmailDto');

const ROLES = ['admin', 'user'];

/** Who is writing: the agency, the Locations it may put users in, and the users it may touch. */
interface Writer {
  rt: Runtime;
  companyId: string;
  mayUse: (location: LocationRecord) => boolean;
}

const locationWriter = ({ rt, location }: RouteRequest): Writer => ({
  rt,
  companyId: location.companyId,
  mayUse: (l) => l.id === location.id,
});

const agencyWriter = ({ rt, company }: AgencyRouteRequest): Writer => ({
  rt,
  companyId: company.id,
  mayUse: (l) => l.companyId === company.id,
});

/** The one Location `locationIds` names, which the writer must be allowed to use. */
function homeLocation(writer: Writer, locationIds: unknown): LocationRecord {
  const ids = locationIds as string[];
  if (ids.length !== 1) {
    throw unprocessable(['locationIds must name exactly one Location in the emulator']);
  }
  const location = writer.rt.state.locations[ids[0]!];
  if (!location || !writer.mayUse(location)) throw wrongLocation();
  return location;
}

function checkFields(input: Record<string, unknown>): void {
  const errors: string[] = [];
  if (input.role !== undefined && !ROLES.includes(input.role as string)) {
    errors.push(`role must be one of the following values: ${ROLES.join(', ')}`);
  }
  if (input.type !== undefined && input.type !== 'account') {
    errors.push('type must be account: the emulator has no agency users');
  }
  if (errors.length > 0) throw unprocessable(errors);
}

function checkCompany(writer: Writer, companyId: unknown): void {
  if (companyId !== undefined && companyId !== writer.companyId) throw wrongLocation();
}

function userOf(writer: Writer, id: string): UserRecord {
  const user = writer.rt.state.users[id];
  if (!user) throw badRequest(`User not found for id:${id}`);
  const location = writer.rt.state.locations[user.locationId];
  if (!location || !writer.mayUse(location)) throw wrongLocation();
  return user;
}

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function createUser(writer: Writer, body: unknown) {
  const input = validBody(createRules, body);
  checkFields(input);
  checkCompany(writer, input.companyId);
  const location = homeLocation(writer, input.locationIds);
  const email = input.email as string;
  if (Object.values(writer.rt.state.users).some((u) => sameEmail(u.email, email))) {
    throw badRequest(`User with email ${email} already exists`);
  }
  const firstName = input.firstName as string;
  const lastName = input.lastName as string;
  const user: UserRecord = {
    id: newId(),
    locationId: location.id,
    companyId: location.companyId,
    name: `${firstName} ${lastName}`.trim(),
    firstName,
    lastName,
    email,
    phone: typeof input.phone === 'string' ? input.phone : '',
    role: input.role as UserRecord['role'],
  };
  writer.rt.state.users[user.id] = user;
  return { status: 201, body: userView(user) };
}

/** `email` is accepted and left as it was: "Email update is no longer supported" (the DTO). */
function updateUser(writer: Writer, id: string, body: unknown) {
  const user = userOf(writer, id);
  const input = validBody(updateRules, body);
  checkFields(input);
  checkCompany(writer, input.companyId);
  if (input.locationIds !== undefined) user.locationId = homeLocation(writer, input.locationIds).id;
  if (typeof input.firstName === 'string') user.firstName = input.firstName;
  if (typeof input.lastName === 'string') user.lastName = input.lastName;
  if (typeof input.phone === 'string') user.phone = input.phone;
  if (input.role !== undefined) user.role = input.role as UserRecord['role'];
  user.name = `${user.firstName} ${user.lastName}`.trim();
  return { status: 200, body: userView(user) };
}

/** HighLevel queues the deletion; the emulator deletes at once and answers the queued message. */
function deleteUser(writer: Writer, id: string) {
  const user = userOf(writer, id);
  delete writer.rt.state.users[user.id];
  return {
    status: 200,
    body: {
      succeded: true,
      message: `Queued deleting user with e-mail ${user.email} and name ${user.name}. Will take effect in a few minutes.`,
    },
  };
}

/** The fields `projection` names, `id` always; by default only `id` and `email` (the DTO). */
function projected(view: Record<string, unknown>, projection: unknown) {
  if (projection === 'all') return view;
  const fields =
    typeof projection === 'string' && projection.trim() !== ''
      ? projection.split(',').map((f) => f.trim())
      : ['email'];
  return Object.fromEntries(
    Object.entries(view).filter(([key]) => key === 'id' || fields.includes(key)),
  );
}

/** The agency's users with one of `emails` (compared case-insensitively), paged. */
function filterByEmail({ rt, company, body }: AgencyRouteRequest) {
  const input = validBody(filterRules, body);
  if (input.companyId !== company.id) throw wrongLocation();
  const emails = (input.emails as string)
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  // The emulator deletes users at once, so a search for deleted users finds none.
  const found =
    input.deleted === true
      ? []
      : Object.values(rt.state.users).filter(
          (u) => u.companyId === company.id && emails.some((e) => sameEmail(e, u.email)),
        );
  const whole = (value: unknown, fallback: number) => {
    const n = Number(value ?? fallback);
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  const skip = whole(input.skip, 0);
  const limit = whole(input.limit, 25) || 25;
  const users = found
    .slice(skip, skip + limit)
    .map((u) => projected(userView(u), input.projection));
  return { status: 200, body: { users, count: found.length } };
}

export const createUserRoute = {
  ...route('POST', '/users/', (req) => createUser(locationWriter(req), req.body)),
  handleAgency: (req: AgencyRouteRequest) => createUser(agencyWriter(req), req.body),
};

export const updateUserRoute = {
  ...route('PUT', '/users/{userId}', (req) =>
    updateUser(locationWriter(req), req.params.userId!, req.body),
  ),
  handleAgency: (req: AgencyRouteRequest) =>
    updateUser(agencyWriter(req), req.params.userId!, req.body),
};

export const deleteUserRoute = {
  ...route('DELETE', '/users/{userId}', (req) =>
    deleteUser(locationWriter(req), req.params.userId!),
  ),
  handleAgency: (req: AgencyRouteRequest) => deleteUser(agencyWriter(req), req.params.userId!),
};

export const filterUsersByEmailRoute = agencyRoute(
  'POST',
  '/users/search/filter-by-email',
  filterByEmail,
);

export const userWriteRoutes = [
  createUserRoute,
  updateUserRoute,
  deleteUserRoute,
  filterUsersByEmailRoute,
];
