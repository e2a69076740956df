/**
 * The emulator's control surface for tests and demos: create Locations, tokens and users, read
 * state and the request log, inject faults, move the clock, reset. The HTTP control API
 * (`/_emulator/*`) is a thin layer over these methods.
 */
import { operations } from '@ghl-bridge/client';
import type { FaultRule } from '../faults.js';
import { ControlError } from './controlError.js';
import type { WebhookDispatcher } from '../webhookRouting/dispatcher.js';
import { appsControl, ensureCompany } from './appsControl.js';
import type { PipelineRecord } from '../opportunities/model.js';
import { pipelinesControl, type CreatePipelineInput } from './pipelinesControl.js';
import { webhooksControl } from './webhooksControl.js';
import { newId, newPitToken } from '../ids.js';
import { emit, nowIso, type EmulatorEvent, type Runtime } from '../runtime.js';
import { storeCalendar, type CalendarView, type CreateCalendarInput } from './calendars.js';
import {
  emptyState,
  locationState,
  replaceState,
  type DuplicateField,
  type EmulatorState,
  type RequestLogEntry,
  type UserRecord,
} from '../state.js';

export { ControlError };

/** Every OAuth scope named anywhere in the spec: what a "full access" token holds. */
export const ALL_SCOPES: readonly string[] = [
  ...new Set(operations.flatMap((o) => o.scopes)),
].sort();

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

/** How the control surface reaches the clock: set/advance exist only for settable clocks. */
export interface ClockControl {
  now(): number;
  set?(now: number): void;
  advance?(ms: number): Promise<void>;
}

/** Runs after every reset: re-creates the seed data (the demo Location, for `seed: 'demo'`). */
export type Seeder = (control: {
  createLocation(input: CreateLocationInput): CreatedLocation;
  createUser(locationId: string, input: CreateUserInput): UserRecord;
  createPipeline(locationId: string, input: CreatePipelineInput): PipelineRecord;
  createCalendar(
    locationId: string,
    input: CreateCalendarInput,
    options?: { id?: string },
  ): CalendarView;
}) => void;

export function createControl(
  rt: Runtime,
  clock: ClockControl,
  seed: Seeder,
  webhooks: WebhookDispatcher,
) {
  const locationOrThrow = (locationId: string) => {
    const location = rt.state.locations[locationId];
    if (!location) {
      throw new ControlError(
        404,
        'location_not_found',
        `No Location ${locationId} in the emulator`,
      );
    }
    return location;
  };

  const control = {
    ...appsControl(rt, ALL_SCOPES),
    ...pipelinesControl(rt),
    ...webhooksControl(rt, webhooks),

    /** Creates a Location and a full-access `pit-` token for it. */
    createLocation(input: CreateLocationInput = {}): CreatedLocation {
      const id = input.id ?? newId();
      const companyId = ensureCompany(rt, input.companyId ?? newId()).id;
      rt.state.locations[id] = {
        id,
        companyId,
        name: input.name ?? 'Emulated Location',
        timezone: input.timezone ?? 'America/New_York',
        country: input.country ?? 'US',
        allowDuplicateContact: input.allowDuplicateContact ?? false,
        duplicatePriority: input.duplicatePriority ?? ['email', 'phone'],
        dateAdded: nowIso(rt),
      };
      const { token } = control.createToken(id, input.token ? { token: input.token } : {});
      return { locationId: id, companyId, token };
    },

    /** A new private-integration token for the Location with `scopes` (default all). */
    createToken(locationId: string, input: CreateTokenInput = {}): { token: string } {
      const location = locationOrThrow(locationId);
      const token = input.token ?? newPitToken();
      rt.state.tokens[token] = {
        token,
        kind: 'pit',
        locationId,
        companyId: location.companyId,
        // Each private integration is its own app for rate limiting.
        appId: `pit:${token.slice(-12)}`,
        scopes: [...(input.scopes ?? ALL_SCOPES)],
        expiresAt: input.expiresAt ?? null,
      };
      return { token };
    },

    /** Revokes a token: later requests with it get 401 Invalid JWT. */
    revokeToken(token: string): void {
      delete rt.state.tokens[token];
      delete rt.state.companyTokens[token];
    },

    createUser(locationId: string, input: CreateUserInput = {}): UserRecord {
      const location = locationOrThrow(locationId);
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

    /**
     * Creates a calendar from a `CalendarCreateDTO`-shaped body (422 `invalid_calendar` with the
     * field errors in `details`); `options.id` fixes its id, for seeds.
     */
    createCalendar(
      locationId: string,
      input: CreateCalendarInput,
      options: { id?: string } = {},
    ): CalendarView {
      const result = storeCalendar(rt, locationOrThrow(locationId), input, options);
      if (result.ok) return result.calendar;
      const message = result.errors.map((e) => e.message).join('; ');
      throw new ControlError(422, 'invalid_calendar', message, result.errors);
    },

    /** Everything stored for one Location. */
    locationState(locationId: string) {
      locationOrThrow(locationId);
      return structuredClone(locationState(rt.state, locationId));
    },

    /** The request log, oldest first, optionally for one Location. */
    requests(filter: { locationId?: string } = {}): RequestLogEntry[] {
      return rt.state.requests.filter(
        (r) => !filter.locationId || r.locationId === filter.locationId,
      );
    },

    /** Replaces all fault rules; the first matching rule applies to a request. */
    setFaults(rules: FaultRule[]): void {
      rt.faults.splice(0, rt.faults.length, ...rules.map((rule) => ({ rule, hits: 0 })));
    },

    /** Adds one rule after the existing ones. */
    addFault(rule: FaultRule): void {
      rt.faults.push({ rule, hits: 0 });
    },

    clearFaults(): void {
      rt.faults.length = 0;
    },

    /** Fault rules with how often each has hit. */
    faults(): { rule: FaultRule; hits: number }[] {
      return rt.faults.map((f) => ({ rule: f.rule, hits: f.hits }));
    },

    now(): number {
      return clock.now();
    },

    /** Jumps the emulator clock to `now` (epoch ms or ISO string). */
    setClock(now: number | string): void {
      const ms = typeof now === 'number' ? now : Date.parse(now);
      if (!Number.isFinite(ms)) throw new ControlError(422, 'invalid_time', `Not a time: ${now}`);
      if (clock.set) return clock.set(ms);
      if (clock.advance && ms >= clock.now()) return void clock.advance(ms - clock.now());
      throw new ControlError(
        409,
        'clock_not_settable',
        'The emulator was given a clock it cannot set',
      );
    },

    /** Moves the emulator clock forward by `ms`. */
    async advanceClock(ms: number): Promise<void> {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new ControlError(422, 'invalid_duration', `Not a duration: ${ms}`);
      }
      if (!clock.advance) {
        throw new ControlError(
          409,
          'clock_not_settable',
          'The emulator was given a clock it cannot move',
        );
      }
      await clock.advance(ms);
    },

    /** Empties every store, rate budget and fault rule, then applies the seed again. */
    reset(): void {
      replaceState(rt.state, emptyState());
      rt.buckets.clear();
      rt.faults.length = 0;
      webhooks.clearDeliveries();
      seed(control);
    },

    /** A deep copy of the whole state, JSON-serialisable (for `--state FILE`). */
    snapshot(): EmulatorState {
      return structuredClone(rt.state);
    },

    /** Replaces the whole state with a snapshot. */
    load(snapshot: EmulatorState): void {
      if (snapshot?.version !== 1) {
        throw new ControlError(
          422,
          'invalid_snapshot',
          'Not an emulator state snapshot (version 1)',
        );
      }
      replaceState(rt.state, snapshot);
      rt.buckets.clear();
    },

    /** Calls `listener` for every change (ContactCreate, NoteCreate, …); returns an unsubscribe. */
    onEvent(listener: (event: EmulatorEvent) => void): () => void {
      rt.listeners.add(listener);
      return () => rt.listeners.delete(listener);
    },

    /** Announces an event as if a change had happened (for webhook tests). */
    emit(event: EmulatorEvent): void {
      emit(rt, event);
    },
  };
  return control;
}

export type Control = ReturnType<typeof createControl>;
