/** What every voice tool works with during one request, and how it is put together. */
import { createHmac } from 'node:crypto';
import { systemClock, type Clock, type HighLevel } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { Keyring } from '../crypto/keyring.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { CountryCode } from '../core/phone.js';
import type { HighLevelClients } from '../highlevel/clients.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/jobQueue.js';
import type { Provider } from './core/outcomes.js';
import type { VoiceSettings } from './core/settings.js';
import type { ToolContext } from './core/toolArgs.js';
import type { VoiceSetup } from './settingsStore.js';
import { requestOf, type HighLevelRequest } from './callAudit.js';
import { FreeSlotCache } from './freeSlotCache.js';

/** A HighLevel calendar as the voice tools use it (read by team.ts). */
export interface CalendarFacts {
  /** The appointment length HighLevel gives, when it gives one. */
  minutes: number | null;
  /** `round_robin`, `collective`, … as HighLevel names it. */
  calendarType: string | null;
  memberIds: string[];
}

export interface VoiceContext {
  db: Kysely<DB>;
  hl: HighLevel;
  log: Logger;
  workspaceId: string;
  locationId: string;
  settings: VoiceSettings;
  /** The country of phone numbers said without a country code (`VoiceSetup.phoneCountry`). */
  phoneCountry: CountryCode;
  /**
   * The locale answers are spoken in: the workspace's (`settings.locale`), or the caller's when
   * the assistant passes one (`toolCalls.ts` narrows the context per tool call).
   */
  locale: string;
  /** When the request started: the rules, and "today" in answers, are judged at this moment. */
  now: Date;
  /** The service's clock, for what takes time within a request (waiting for a slot lock). */
  clock: Clock;
  /** The key of opaque slot ids (see core/slotId.ts). */
  slotIdKey: Buffer;
  /** Calendars already read from HighLevel (team.ts), shared across requests. */
  calendars: Map<string, { facts: CalendarFacts; until: number }>;
  /** Team members' names already read from HighLevel (team.ts), shared across requests. */
  userNames: Map<string, { name: string; until: number }>;
  /**
   * The team member slots are read for and bookings are given to, when the caller named one
   * (bookingTarget.ts); without one HighLevel's calendar decides (round robin: a free member).
   */
  provider?: Provider;
  /** Free slots read in the last seconds, shared across requests (freeSlotCache.ts). */
  freeSlots: FreeSlotCache;
  /** Where follow-ups that failed go to be retried (followUps.ts). */
  queue: Pick<JobQueue, 'enqueue'>;
  /** GHL_BRIDGE_PUBLIC_URL: links in alerts (a call's audit trail) start with it when set. */
  publicUrl?: string;
  /** Aborted when the caller goes away: reads stop, writes (already asked for) do not. */
  signal?: AbortSignal;
}

/** Epoch milliseconds now, and a wait (default a timer); the client's `Clock` fits. */
export interface WallClock {
  now(): number;
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The parts of the running service a voice context is made from. */
export interface VoiceDeps {
  database: Database;
  keyring: Keyring;
  highLevel: HighLevelClients;
  queue: Pick<JobQueue, 'enqueue'>;
  logger: Logger;
  /** Default the system clock. */
  clock?: WallClock;
  /** GHL_BRIDGE_PUBLIC_URL, for links in alerts; unset: the links are paths. */
  publicUrl?: string;
}

type VoiceCaches = Pick<VoiceContext, 'calendars' | 'userNames' | 'freeSlots' | 'clock'>;

/** The injected clock, waiting with a timer when it has no `sleep` of its own. */
function clockOf(clock: WallClock = systemClock): Clock {
  return {
    now: () => clock.now(),
    sleep: (ms, signal) => (clock.sleep ? clock.sleep(ms, signal) : systemClock.sleep(ms, signal)),
  };
}

/** What the voice tools remember across requests, one set per running service. */
const caches = new WeakMap<VoiceDeps, VoiceCaches>();

function cachesOf(deps: VoiceDeps): VoiceCaches {
  let kept = caches.get(deps);
  if (!kept) {
    kept = {
      calendars: new Map(),
      userNames: new Map(),
      freeSlots: new FreeSlotCache(),
      clock: clockOf(deps.clock),
    };
    caches.set(deps, kept);
  }
  return kept;
}

/**
 * The context, or `undefined` when the workspace has no GoHighLevel connection. HighLevel
 * requests made through it are appended to `requests` (for the audit trail).
 *
 * @example const ctx = openVoiceContext(deps, log, ws, await loadVoiceSetup(db, keyring, ws), requests);
 */
export function openVoiceContext(
  deps: VoiceDeps,
  log: Logger,
  ws: string,
  { settings, phoneCountry, connection }: VoiceSetup,
  requests: HighLevelRequest[] = [],
): VoiceContext | undefined {
  if (!connection) return undefined;
  const hl = deps.highLevel.forConnection(connection.credentials, (event) => {
    const request = requestOf(event);
    if (request) requests.push(request);
  });
  const kept = cachesOf(deps);
  return {
    db: deps.database.db,
    hl,
    log,
    workspaceId: ws,
    locationId: connection.locationId,
    settings,
    phoneCountry,
    locale: settings.locale,
    now: new Date(kept.clock.now()),
    slotIdKey: slotIdKey(deps.keyring),
    queue: deps.queue,
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
    ...kept,
  };
}

/**
 * What reading a tool's arguments needs to know of the workspace; `callerNumber` is the phone a
 * call came from, used when the caller gives none.
 *
 * @example readBookAppointment(body, toolContextOf(ctx));
 */
export function toolContextOf(ctx: VoiceContext, callerNumber?: string): ToolContext {
  const { timezone, rules } = ctx.settings;
  return {
    now: ctx.now,
    timezone,
    defaultCountry: ctx.phoneCountry,
    maxDaysAhead: rules.maxDaysAhead,
    ...(callerNumber ? { callerNumber } : {}),
  };
}

/** Live calls go before any backfill in the client's rate limiter. */
export const LIVE = { priority: 'interactive' } as const;

/**
 * The options of a live read, stopped when the caller goes away: nothing is left to answer, and
 * HighLevel's rate limit is shared with the Location's bookings.
 *
 * @example await ctx.hl.calendars.get(calendarId, liveRead(ctx));
 */
export function liveRead(ctx: Pick<VoiceContext, 'signal'>) {
  return ctx.signal ? { ...LIVE, signal: ctx.signal } : LIVE;
}

/**
 * The slot-id key, derived from the credentials key so ids need no storage of their own.
 *
 * @example encodeSlotId(ref, slotIdKey(keyring));
 */
export function slotIdKey(keyring: Keyring): Buffer {
  return createHmac('sha256', keyring.current.key).update('ghl-bridge voice slot ids').digest();
}

/**
 * A write to a calendar's appointments; whatever it did (or may have done), the openings kept
 * for that calendar are stale afterwards.
 *
 * @example await changingCalendar(ctx, calendarId, () => ctx.hl.appointments.create(input, LIVE));
 */
export async function changingCalendar<T>(
  ctx: VoiceContext,
  calendarId: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } finally {
    ctx.freeSlots.dropCalendar(calendarId);
  }
}
