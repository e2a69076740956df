/**
 * The world every conformance case runs in: one in-process emulator on a manual clock (Monday
 * 2 March 2026, 08:00 New York), a Location with its full-access token, a user, a weekday
 * calendar booked to that user, a pipeline, and an OAuth app installed on the Location's agency.
 * Requests go through the harness's `call`, so every 2xx answer is checked against the spec.
 */
import { manualClock, type ManualClock } from '@ghl-bridge/client';
import { createEmulator, type Emulator } from '../../src/index.js';
import { findOperation } from '../../src/operations.js';
import { est, NEW_YORK, T0, WEEKDAYS_9_TO_5 } from '../calendars.js';
import { call, type CallResult } from '../harness.js';
import { installedApp } from '../oauth.js';

/** `METHOD path`, exactly as a route of `highLevelRoutes` declares it. */
export type OperationKey = `${string} /${string}`;

/** Which token an operation takes: a Location's, an agency's, or none (the spec declares none). */
export type Auth = 'location' | 'agency' | 'open';

/** One request to an operation: its path parameters, query, body and token. */
export interface Exchange {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A form-urlencoded body (`/oauth/token`, `/oauth/locationToken`). */
  form?: Record<string, string>;
  /** Default: the Location's full-access token. `null` sends none. */
  token?: string | null;
}

export interface Context {
  emulator: Emulator;
  clock: ManualClock;
  locationId: string;
  companyId: string;
  /** A Location of another agency, which the context's tokens may not touch. */
  otherLocationId: string;
  /** The Location's private-integration token, holding every scope. */
  token: string;
  /** An agency (Company) token of an app installed on the Location's agency. */
  agency: { appId: string; token: string };
  userId: string;
  calendarId: string;
  pipelineId: string;
  /** A number not handed out before in this context, for unique names, emails and phones. */
  unique(): number;
  /** The next 30-minute slot of the calendar's week not handed out before (09:00-17:00, Mon-Fri). */
  nextSlot(): string;
}

const SLOTS_PER_DAY = 16;
const HALF_HOUR_MS = 30 * 60_000;
/** New York is on EST (-05:00) all week of T0. */
const EST_MS = 5 * 3_600_000;

/** An instant as New York wall-clock ISO with its offset, the form free-slots offers. */
const newYorkIso = (ms: number) => `${new Date(ms - EST_MS).toISOString().slice(0, 19)}-05:00`;

export async function conformanceContext(): Promise<Context> {
  const clock = manualClock(T0);
  // Many requests run at one emulator instant; the rate limit is not what is under test.
  const emulator = createEmulator({ clock, limits: { burst: 100_000 } });
  const { locationId, companyId, token } = emulator.control.createLocation({
    name: 'Conformance Clinic',
    timezone: NEW_YORK,
  });
  const user = emulator.control.createUser(locationId, { firstName: 'Olive', lastName: 'Owner' });
  const calendar = emulator.control.createCalendar(locationId, {
    name: 'Consultation',
    teamMembers: [{ userId: user.id, isPrimary: true }],
    slotDuration: 30,
    slotInterval: 30,
    ...WEEKDAYS_9_TO_5,
  });
  const pipeline = emulator.control.createPipeline(locationId, {
    name: 'Bookings',
    stages: ['New', 'Booked', 'Won'],
  });
  const other = emulator.control.createLocation({ name: 'Elsewhere', timezone: NEW_YORK });
  const app = await installedApp(emulator, { companyId });
  let counter = 0;
  let slots = 0;
  return {
    emulator,
    clock,
    locationId,
    companyId,
    otherLocationId: other.locationId,
    token,
    agency: { appId: app.appId, token: app.accessToken },
    userId: user.id,
    calendarId: calendar.id,
    pipelineId: pipeline.id,
    unique: () => ++counter,
    nextSlot() {
      const n = slots++;
      if (n >= 5 * SLOTS_PER_DAY) throw new Error('The conformance week has no free slot left');
      const day = est(`2026-03-0${2 + Math.floor(n / SLOTS_PER_DAY)}T09:00:00`);
      return newYorkIso(day + (n % SLOTS_PER_DAY) * HALF_HOUR_MS);
    },
  };
}

/** The context's token for an operation taking `auth`. */
export function tokenFor(ctx: Context, auth: Auth): string | null {
  if (auth === 'open') return null;
  return auth === 'agency' ? ctx.agency.token : ctx.token;
}

/** Splits `METHOD path` into the spec operation it names. */
export function operationOf(key: OperationKey) {
  const space = key.indexOf(' ');
  return findOperation(key.slice(0, space), key.slice(space + 1));
}

/** The request path: the operation's template with `params` filled in, then the query. */
function pathOf(template: string, { params = {}, query }: Exchange): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
  return query ? `${path}?${new URLSearchParams(query).toString()}` : path;
}

/**
 * Sends `exchange` to the operation `key` with the spec's `Version` header for it.
 *
 * @example
 * await send(ctx, 'GET /contacts/{contactId}', { params: { contactId } });
 */
export function send(ctx: Context, key: OperationKey, exchange: Exchange): Promise<CallResult> {
  const op = operationOf(key);
  return call(ctx.emulator, op.method, pathOf(op.path, exchange), {
    token: exchange.token === undefined ? ctx.token : exchange.token,
    body: exchange.body,
    form: exchange.form,
    version: op.version,
  });
}
