/**
 * Preconditions of the conformance cases, made the way an integration would make them: through
 * earlier HighLevel calls with the full-access token (or the control API where HighLevel has no
 * operation). Each call makes fresh records, so cases never depend on one another.
 */
import type { CallResult } from '../harness.js';
import { send, type Context, type Exchange, type OperationKey } from './context.js';

/** The string at `path` in a successful answer; throws with the answer when there is none. */
export function stringAt(res: CallResult, ...path: string[]): string {
  let value: unknown = res.body;
  for (const key of path) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  if (res.status >= 300 || typeof value !== 'string') {
    throw new Error(`Precondition failed (${res.status}): ${JSON.stringify(res.body)}`);
  }
  return value;
}

async function created(ctx: Context, key: OperationKey, exchange: Exchange, ...path: string[]) {
  return stringAt(await send(ctx, key, exchange), ...path);
}

export interface ContactFixture {
  contactId: string;
  email: string;
}

/** A contact with a unique email and phone, so every channel can reach it. */
export async function newContact(ctx: Context): Promise<ContactFixture> {
  const n = ctx.unique();
  const email = `person${n}@example.com`;
  const body = {
    locationId: ctx.locationId,
    firstName: `Person${n}`,
    email,
    phone: `+1415555${String(n).padStart(4, '0')}`,
  };
  const contactId = await created(ctx, 'POST /contacts/', { body }, 'contact', 'id');
  return { contactId, email };
}

export async function newNote(ctx: Context) {
  const { contactId } = await newContact(ctx);
  const exchange = { params: { contactId }, body: { body: 'Prefers mornings' } };
  const id = await created(ctx, 'POST /contacts/{contactId}/notes', exchange, 'note', 'id');
  return { contactId, id };
}

export async function newTask(ctx: Context) {
  const { contactId } = await newContact(ctx);
  const body = { title: 'Call back', dueDate: '2026-03-03T15:00:00Z', completed: false };
  const exchange = { params: { contactId }, body };
  const taskId = await created(ctx, 'POST /contacts/{contactId}/tasks', exchange, 'task', 'id');
  return { contactId, taskId };
}

export async function newCustomField(ctx: Context) {
  const exchange = {
    params: { locationId: ctx.locationId },
    body: { name: `Field ${ctx.unique()}`, dataType: 'TEXT' },
  };
  const id = await created(
    ctx,
    'POST /locations/{locationId}/customFields',
    exchange,
    'customField',
    'id',
  );
  return { id };
}

export async function newLocationTag(ctx: Context) {
  const name = `tag-${ctx.unique()}`;
  const exchange = { params: { locationId: ctx.locationId }, body: { name } };
  const tagId = await created(ctx, 'POST /locations/{locationId}/tags', exchange, 'tag', 'id');
  return { tagId, name };
}

/** An appointment of a new contact in the next free slot of the calendar. */
export async function newAppointment(ctx: Context) {
  const { contactId } = await newContact(ctx);
  const startTime = ctx.nextSlot();
  const body = { calendarId: ctx.calendarId, locationId: ctx.locationId, contactId, startTime };
  const eventId = await created(ctx, 'POST /calendars/events/appointments', { body }, 'id');
  return { contactId, eventId, startTime };
}

/** A block on the calendar on a Saturday (outside open hours, so it takes no bookable slot). */
export async function newBlockedSlot(ctx: Context) {
  const hour = String(ctx.unique() % 24).padStart(2, '0');
  const body = {
    calendarId: ctx.calendarId,
    locationId: ctx.locationId,
    title: 'Inventory',
    startTime: `2026-03-07T${hour}:00:00-05:00`,
    endTime: `2026-03-07T${hour}:30:00-05:00`,
  };
  const eventId = await created(ctx, 'POST /calendars/events/block-slots', { body }, 'id');
  return { eventId };
}

export async function newAppointmentNote(ctx: Context) {
  const { eventId } = await newAppointment(ctx);
  const exchange = { params: { appointmentId: eventId }, body: { body: 'Bring X-rays' } };
  const noteId = await created(
    ctx,
    'POST /calendars/appointments/{appointmentId}/notes',
    exchange,
    'note',
    'id',
  );
  return { appointmentId: eventId, noteId };
}

export async function newOpportunity(ctx: Context) {
  const { contactId } = await newContact(ctx);
  const body = {
    locationId: ctx.locationId,
    pipelineId: ctx.pipelineId,
    contactId,
    name: 'Massage package',
    status: 'open',
  };
  const id = await created(ctx, 'POST /opportunities/', { body }, 'opportunity', 'id');
  return { contactId, id };
}

/** A conversation opened by an SMS to a new contact. */
export async function newConversation(ctx: Context) {
  const { contactId } = await newContact(ctx);
  const body = { type: 'SMS', contactId, message: 'See you on Monday' };
  const conversationId = await created(
    ctx,
    'POST /conversations/messages',
    { body },
    'conversationId',
  );
  return { conversationId };
}

/** A marketplace app installed on the Location, with the code its consent redirect carries. */
export function newAuthorizationCode(ctx: Context) {
  const app = ctx.emulator.control.registerApp();
  const { code } = ctx.emulator.control.installApp(app.appId, { locationId: ctx.locationId });
  return { ...app, code };
}
