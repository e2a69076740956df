/**
 * The emulator's control surface for tests and demos: create Locations, tokens and users, read
 * state and the request log, inject faults, move the clock, reset. The HTTP control API
 * (`/_emulator/*`) is a thin layer over these methods. Each area has its own file; this one
 * puts them together and adds `reset`, which needs all of them.
 */
import { operations } from '@ghl-bridge/client';
import type { UserRecord } from '../locations/model.js';
import type { PipelineRecord } from '../opportunities/core/model.js';
import type { CalendarView } from '../calendars/views.js';
import { requiredScopes } from '../operations.js';
import type { Runtime } from '../runtime.js';
import { emptyState, replaceState } from '../state.js';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';
import { agencyControl } from './agencyControl.js';
import { appsControl } from './appsControl.js';
import { automationControl } from './automationControl.js';
import { blogsControl } from './blogsControl.js';
import { calendarsControl, type CreateCalendarInput } from './calendarsControl.js';
import { callsControl } from './callsControl.js';
import { ControlError } from './controlError.js';
import { faultsAndClockControl, type ClockControl } from './faultsAndClockControl.js';
import {
  locationsControl,
  type CreatedLocation,
  type CreateLocationInput,
  type CreateUserInput,
} from './locationsControl.js';
import { pipelinesControl, type CreatePipelineInput } from './pipelinesControl.js';
import { stateControl } from './stateControl.js';
import { webhooksControl } from './webhooksControl.js';

export { ControlError };

/**
 * Every OAuth scope named anywhere in the spec, and those the emulator asks where the spec names
 * none (`requiredScopes`): what a "full access" token holds.
 */
export const ALL_SCOPES: readonly string[] = [
  ...new Set(operations.flatMap((o) => [...o.scopes, ...requiredScopes(o)])),
].sort();

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

/**
 * The whole control surface over one emulator's runtime.
 *
 * @example
 * const control = createControl(rt, clock, seedDemo, webhooks);
 * const { locationId, token } = control.createLocation({ name: 'Salon' });
 */
export function createControl(
  rt: Runtime,
  clock: ClockControl,
  seed: Seeder,
  webhooks: WebhookDispatcher,
) {
  const control = {
    ...locationsControl(rt, ALL_SCOPES),
    ...appsControl(rt, ALL_SCOPES),
    ...agencyControl(rt),
    ...calendarsControl(rt),
    ...pipelinesControl(rt),
    ...callsControl(rt),
    ...blogsControl(rt),
    ...automationControl(rt),
    ...webhooksControl(rt, webhooks),
    ...faultsAndClockControl(rt, clock),
    ...stateControl(rt),

    /** Empties every store, rate budget, fault rule and webhook fault, then applies the seed again. */
    reset(): void {
      replaceState(rt.state, emptyState());
      rt.buckets.clear();
      rt.faults.length = 0;
      webhooks.clearDeliveries();
      control.clearWebhookFaults();
      seed(control);
    },
  };
  return control;
}

export type Control = ReturnType<typeof createControl>;
