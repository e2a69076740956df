/**
 * `book_appointment`: the shell around the pure booking saga (voice/saga.ts). Each step the saga
 * asks for is done here against the database and HighLevel, and its outcome fed back, until the
 * saga answers. Note and tags run after the answer and never change it.
 */
import { randomUUID } from 'node:crypto';
import {
  HighLevelError,
  OutcomeUnknownError,
  SlotUnavailableError,
  type SearchedContact,
} from '@ghl-bridge/client';
import { DateTime } from 'luxon';
import { decideContact, type ContactCandidate } from '../voice/contactMatch.js';
import { appointmentIdFromHighLevel, type ToolResult } from '../voice/results.js';
import {
  nextBookingStep,
  startBooking,
  type BookingEvent,
  type BookingRequest,
  type BookingStep,
} from '../voice/saga.js';
import { decodeSlotId, idempotencyKey } from '../voice/slotId.js';
import { needsInfo, slotUnavailable } from '../voice/speech.js';
import type { BookAppointmentArgs, SlotChoice } from '../voice/toolArgs.js';
import { allowedSlots, alternativesAmong, alternativesTo } from './availability.js';
import {
  findOutcome,
  rememberOutcome,
  settleBooking,
  tryLockSlot,
  type SlotLock,
} from './bookingStore.js';
import { findAppointment } from './appointmentLookup.js';
import { changingCalendar, LIVE, type VoiceContext } from './context.js';
import { finishInBackground } from './followUps.js';
import { timeZone } from '../timeZones.js';

export const VOICE_TAG = 'source:voice';
/** Long enough for one booking's HighLevel requests; a crashed holder frees the slot after it. */
const LOCK_HOLD_MS = 60_000;
/** How long a second caller waits for the slot before hearing the alternatives. */
const LOCK_WAIT_MS = 3_000;
const LOCK_POLL_MS = 25;

export interface BookingCall {
  /** Vapi's call id; the tool-call id when Vapi sent none. */
  callId: string;
  callerNumber?: string;
  /** What was asked, for the note. */
  asked: string;
}

/**
 * The verbatim HighLevel slot the caller chose and the timezone to speak to them in (the one
 * the slot was offered in, else the one the model names, else the workspace's), or the answer
 * when there is no such slot.
 */
export async function chosenSlot(
  ctx: VoiceContext,
  args: { slot: SlotChoice; timezone?: string },
): Promise<{ slot: string; timezone: string } | { result: ToolResult }> {
  const asked = args.timezone ?? ctx.settings.timezone;
  if ('slotId' in args.slot) {
    const ref = decodeSlotId(args.slot.slotId, ctx.slotIdKey);
    if (!ref.ok || ref.calendarId !== ctx.settings.calendarId) {
      return {
        result: needsInfo(
          [],
          [{ field: 'slotId', expected: 'a slot id exactly as check_availability returned it' }],
        ),
      };
    }
    return { slot: ref.slot, timezone: ref.timezone ?? asked };
  }
  // A start time is matched to HighLevel's own slot string: a re-serialized time can be refused.
  const start = DateTime.fromISO(args.slot.startTime, { setZone: true });
  const day = start.setZone(timeZone(asked)).startOf('day');
  const allowed = await allowedSlots(ctx, day, day.plus({ days: 3 }), asked);
  const slot = allowed.find((s) => Date.parse(s) === start.toMillis());
  if (slot) return { slot, timezone: asked };
  return {
    result: slotUnavailable(alternativesAmong(ctx, allowed, start.toISO() ?? '', asked), asked),
  };
}

function splitName(name: string): { firstName: string; lastName?: string } {
  const [firstName = name, ...rest] = name.trim().split(/\s+/);
  return rest.length ? { firstName, lastName: rest.join(' ') } : { firstName };
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A search hit as the contact decision reads it (search types its fields as unknown). */
function candidateOf(hit: SearchedContact): ContactCandidate {
  return {
    id: hit.id,
    phone: textOf(hit.phone),
    email: textOf(hit.email),
    name: textOf(hit.contactName) ?? textOf(hit.name),
    firstName: textOf(hit.firstName),
    lastName: textOf(hit.lastName),
  };
}

/** The Location's contacts that may be the caller: by phone, by email, by name (read only). */
async function contactCandidates(
  ctx: VoiceContext,
  args: BookAppointmentArgs,
): Promise<ContactCandidate[]> {
  const { hl, locationId } = ctx;
  const [byPhone, byEmail, byName] = await Promise.all([
    args.phone ? hl.contacts.findDuplicate({ locationId, phone: args.phone }, LIVE) : null,
    args.email ? hl.contacts.findDuplicate({ locationId, email: args.email }, LIVE) : null,
    hl.contacts.search({ locationId, query: args.name.slice(0, 75), pageLimit: 20 }, LIVE),
  ]);
  return [
    ...[byPhone, byEmail].flatMap((c) => (c?.id ? [{ ...c, id: c.id }] : [])),
    ...byName.contacts.map(candidateOf),
  ];
}

async function resolveContact(
  ctx: VoiceContext,
  args: BookAppointmentArgs,
  candidates: ContactCandidate[],
): Promise<{ contactId: string; tags: string[] }> {
  const { hl, locationId } = ctx;
  const decision = decideContact({
    phone: args.phone,
    email: args.email,
    name: args.name,
    candidates,
    defaultCountry: ctx.settings.defaultCountry,
  });
  if (decision.action === 'use') return { contactId: decision.contactId, tags: [] };
  const created = await hl.contacts.create(
    {
      locationId,
      ...splitName(args.name),
      ...(args.phone ? { phone: args.phone } : {}),
      ...(args.email ? { email: args.email } : {}),
      source: 'voice',
    },
    LIVE,
  );
  if (!created.id) throw new Error('HighLevel created a contact without an id');
  return {
    contactId: created.id,
    tags: decision.action === 'create-flagged' ? [decision.tag] : [],
  };
}

export async function waitForLock(ctx: VoiceContext, lock: SlotLock): Promise<boolean> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    if (await tryLockSlot(ctx.db, lock, new Date(), LOCK_HOLD_MS)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

interface Run {
  ctx: VoiceContext;
  args: BookAppointmentArgs;
  request: BookingRequest;
  lock?: SlotLock;
  /** The contact lookups, started during the final slot check. */
  candidates?: Promise<ContactCandidate[]>;
}

/** Performs one step; every failure becomes the event the saga expects for it. */
async function perform(run: Run, step: BookingStep): Promise<BookingEvent> {
  const { ctx, request } = run;
  const key = request.idempotencyKey;
  try {
    switch (step.do) {
      case 'find_stored_outcome': {
        const outcome = await findOutcome(ctx.db, ctx.workspaceId, key);
        return outcome ? { type: 'stored_outcome_found', outcome } : { type: 'no_stored_outcome' };
      }
      case 'acquire_lock': {
        const lock = { calendarId: step.calendarId, start: step.start, holder: randomUUID() };
        if (await waitForLock(ctx, lock)) {
          run.lock = lock;
          return { type: 'lock_acquired' };
        }
        const alternatives = await alternativesTo(ctx, request.slot, request.timezone);
        return { type: 'lock_timed_out', alternatives };
      }
      case 'check_slot_free': {
        // The contact lookups read in parallel with the final check: one HighLevel round trip
        // less before the caller hears the answer. Nothing is written until the slot is free.
        run.candidates ??= contactCandidates(ctx, run.args);
        run.candidates.catch(() => undefined);
        const zone = request.timezone;
        const day = DateTime.fromISO(step.slot, { setZone: true }).setZone(zone).startOf('day');
        const allowed = await allowedSlots(ctx, day, day.plus({ days: 3 }), zone, { fresh: true });
        const at = Date.parse(step.slot);
        if (allowed.some((s) => Date.parse(s) === at)) return { type: 'slot_free' };
        const alternatives = alternativesAmong(ctx, allowed, step.slot, zone);
        return { type: 'slot_taken', alternatives };
      }
      case 'resolve_contact': {
        const candidates = await (run.candidates ?? contactCandidates(ctx, run.args));
        const contact = await resolveContact(ctx, run.args, candidates);
        return { type: 'contact_resolved', ...contact };
      }
      case 'create_appointment':
        return await createAppointment(run, step);
      case 'find_appointment': {
        const id = await findAppointment(ctx, step.contactId, step.start);
        return id
          ? { type: 'appointment_found', appointmentId: id }
          : { type: 'appointment_not_found' };
      }
      case 'answer':
      case 'retry_in_background':
        throw new Error(`The booking shell does not perform "${step.do}" as a step`);
    }
  } catch (error) {
    ctx.log.warn({ err: error, step: step.do, key }, 'voice booking step failed');
    return { type: 'step_failed' };
  }
}

async function createAppointment(
  run: Run,
  step: Extract<BookingStep, { do: 'create_appointment' }>,
): Promise<BookingEvent> {
  const { ctx, request } = run;
  await rememberOutcome(ctx.db, ctx.workspaceId, request.idempotencyKey, step.recordFirst);
  try {
    const created = await changingCalendar(ctx, step.calendarId, () =>
      ctx.hl.appointments.create(
        {
          calendarId: step.calendarId,
          locationId: ctx.locationId,
          contactId: step.contactId,
          startTime: step.slot,
        },
        LIVE,
      ),
    );
    const appointmentId = appointmentIdFromHighLevel(created);
    return appointmentId
      ? { type: 'appointment_created', appointmentId }
      : { type: 'appointment_outcome_unknown' };
  } catch (error) {
    if (error instanceof SlotUnavailableError) {
      const alternatives = await alternativesTo(ctx, step.slot, request.timezone).catch(() => []);
      return { type: 'appointment_slot_taken', alternatives };
    }
    // A create that was refused outright (4xx) certainly did not happen; anything else may have.
    if (
      error instanceof HighLevelError &&
      !(error instanceof OutcomeUnknownError) &&
      error.status !== undefined &&
      error.status >= 400 &&
      error.status < 500
    ) {
      ctx.log.warn({ err: error }, 'HighLevel refused the voice appointment');
      return { type: 'appointment_failed' };
    }
    ctx.log.warn({ err: error }, 'voice appointment create: outcome unknown');
    return { type: 'appointment_outcome_unknown' };
  }
}

/**
 * Books the chosen slot for the caller; resolves with the answer as soon as it is known, and
 * with `background`, the note and tags still being written.
 *
 * @example const { result } = await bookAppointment(ctx, args, { callId, callerNumber, asked });
 */
export async function bookAppointment(
  ctx: VoiceContext,
  args: BookAppointmentArgs,
  call: BookingCall,
): Promise<{ result: ToolResult; background: Promise<void> }> {
  const done = Promise.resolve();
  const chosen = await chosenSlot(ctx, args);
  if ('result' in chosen) {
    // A time this call already booked is no longer free: a re-issued call gets its booking.
    const asked = 'startTime' in args.slot ? args.slot.startTime : undefined;
    const key = asked ? idempotencyKey(call.callId, asked) : undefined;
    const stored = key ? await findOutcome(ctx.db, ctx.workspaceId, key) : undefined;
    return {
      result: stored?.kind === 'answered' ? stored.result : chosen.result,
      background: done,
    };
  }
  const { slot } = chosen;
  const request: BookingRequest = {
    idempotencyKey: idempotencyKey(call.callId, slot),
    calendarId: ctx.settings.calendarId,
    slot,
    timezone: chosen.timezone,
    tags: [VOICE_TAG],
  };
  const run: Run = { ctx, args, request };
  let { state, step } = startBooking(request);
  while (step.do !== 'answer') {
    const event = await perform(run, step);
    ({ state, step } = nextBookingStep(request, state, event));
  }
  const key = request.idempotencyKey;
  const lock = step.releaseLock ? run.lock : undefined;
  await settleBooking(ctx.db, ctx.workspaceId, key, step.remember, lock);
  const followUps = step.background.map((background) => ({
    step: background,
    call,
    name: args.name,
    idempotencyKey: key,
    slot: request.slot,
  }));
  const background = followUps.length ? finishInBackground(ctx, followUps) : done;
  return { result: step.result, background };
}
