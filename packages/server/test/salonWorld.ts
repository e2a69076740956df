/**
 * A salon in the emulated HighLevel, for the reconciliation tests and benchmark: a workspace
 * connected to its Location, a calendar with appointments, contacts with open tasks, and staff
 * who change them through HighLevel's own API (their own token, so their calls do not count
 * against the bridge's budget): cancellations, reschedules, contact edits, completed tasks.
 */
import { weekdayCalendar, type Emulator } from '@ghl-bridge/emulator';
import { connectedWorkspace } from './bookings.js';
import type { TestServer } from './harness.js';

const HOUR_MS = 3_600_000;

export interface Salon {
  workspaceId: string;
  locationId: string;
  appointmentIds: string[];
  contactIds: string[];
  /** One open task per contact, in the order of `contactIds`. */
  taskIds: string[];
  /** A request staff make to HighLevel (a change, or a read), failing on anything but 2xx. */
  staff(method: string, path: string, body?: Record<string, unknown>): Promise<unknown>;
}

/**
 * A request to the emulated HighLevel with `token`, as any app or staff tool makes it; throws on
 * anything but 2xx.
 *
 * @example await staffRequest(emulator, token, 'PUT', `/contacts/${id}`, { firstName: 'Ada' });
 */
export async function staffRequest(
  emulator: Emulator,
  token: string,
  method: string,
  path: string,
  body: Record<string, unknown> | undefined,
): Promise<unknown> {
  const res = await emulator.fetch(
    new Request(`http://ghl.test${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        version: '2021-07-28',
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as unknown;
}

/**
 * A connected salon with `contacts` contacts (one open task each) and `appointments`
 * appointments among them, an hour apart from tomorrow on.
 *
 * @example const salon = await salonWorld(server, { contacts: 50, appointments: 100 });
 */
export async function salonWorld(
  server: TestServer,
  size: { contacts: number; appointments: number },
): Promise<Salon> {
  const ws = await connectedWorkspace(server);
  const { control } = server.emulator;
  const { token } = control.createToken(ws.locationId);
  const staff = (method: string, path: string, body?: Record<string, unknown>) =>
    staffRequest(server.emulator, token, method, path, body);
  const owner = control.createUser(ws.locationId, { firstName: 'Sam', lastName: 'Stylist' });
  const calendar = control.createCalendar(ws.locationId, weekdayCalendar(owner.id));

  const contactIds: string[] = [];
  const taskIds: string[] = [];
  for (let i = 0; i < size.contacts; i++) {
    const { contact } = (await staff('POST', '/contacts/', {
      locationId: ws.locationId,
      firstName: `Client${i}`,
      email: `client${i}@salon.example`,
    })) as { contact: { id: string } };
    contactIds.push(contact.id);
    const { task } = (await staff('POST', `/contacts/${contact.id}/tasks`, {
      title: `Call back client ${i}`,
      dueDate: new Date(Date.now() + 7 * 24 * HOUR_MS).toISOString(),
      completed: false,
    })) as { task: { id: string } };
    taskIds.push(task.id);
  }
  const appointmentIds: string[] = [];
  const first = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS + 24 * HOUR_MS;
  for (let i = 0; i < size.appointments; i++) {
    const start = first + i * HOUR_MS;
    const created = (await staff('POST', '/calendars/events/appointments', {
      calendarId: calendar.id,
      locationId: ws.locationId,
      contactId: contactIds[i % contactIds.length],
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + HOUR_MS / 2).toISOString(),
      ignoreFreeSlotValidation: true,
    })) as { id: string };
    appointmentIds.push(created.id);
  }
  return {
    workspaceId: ws.id,
    locationId: ws.locationId,
    appointmentIds,
    contactIds,
    taskIds,
    staff,
  };
}

/** One change staff make in HighLevel, and the app event it should come back as. */
export interface StaffChange {
  event: 'appointment.cancelled' | 'appointment.updated' | 'contact.updated' | 'task.completed';
  id: string;
  make(): Promise<unknown>;
}

/**
 * `count` changes, a quarter of each kind, interleaved: cancel an appointment, move another one
 * an hour later, rename a contact, complete a task. Each record is changed once.
 *
 * @example for (const change of staffChanges(salon, 200)) await change.make();
 */
export function staffChanges(salon: Salon, count: number): StaffChange[] {
  const changes: StaffChange[] = [];
  for (let i = 0; changes.length < count; i++) {
    const cancelled = salon.appointmentIds[2 * i]!;
    const moved = salon.appointmentIds[2 * i + 1]!;
    const contactId = salon.contactIds[i]!;
    const taskId = salon.taskIds[i]!;
    changes.push(
      {
        event: 'appointment.cancelled',
        id: cancelled,
        make: () =>
          salon.staff('PUT', `/calendars/events/appointments/${cancelled}`, {
            appointmentStatus: 'cancelled',
          }),
      },
      {
        event: 'appointment.updated',
        id: moved,
        make: async () => {
          const later = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS + (400 + i) * HOUR_MS;
          return salon.staff('PUT', `/calendars/events/appointments/${moved}`, {
            startTime: new Date(later).toISOString(),
            endTime: new Date(later + HOUR_MS / 2).toISOString(),
            ignoreFreeSlotValidation: true,
          });
        },
      },
      {
        event: 'contact.updated',
        id: contactId,
        make: () => salon.staff('PUT', `/contacts/${contactId}`, { lastName: `Renamed${i}` }),
      },
      {
        event: 'task.completed',
        id: taskId,
        make: () =>
          salon.staff('PUT', `/contacts/${contactId}/tasks/${taskId}/completed`, {
            completed: true,
          }),
      },
    );
  }
  return changes.slice(0, count);
}
