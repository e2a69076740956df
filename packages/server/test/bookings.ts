/**
 * Booking sync from the outside, for integration tests: booking events as a booking app sends
 * them, a workspace connected to its own emulated Location, waiting until the sync is idle, and
 * HighLevel as a user sees it (a contact's custom fields by name, its tags and notes).
 */
import { HighLevel, privateIntegrationToken } from '@ghl-bridge/client';
import { emulatorFetch, type Emulator } from '@ghl-bridge/emulator';
import type { TestServer } from './harness.js';
import { waitFor } from './waitFor.js';

export interface BookingInput {
  id: string;
  version?: number;
  status?: 'confirmed' | 'cancelled';
  startsAt?: string;
  minutes?: number;
  service?: string;
  amount?: string | null;
  payment?: string | null;
  email?: string;
  phone?: string;
  firstName?: string;
}

/**
 * A booking event (docs/booking-events.md#example): by default Ada's paid 60-minute massage,
 * 2026-12-01 3 PM New York.
 */
export function bookingEvent(input: BookingInput): Record<string, unknown> {
  const startsAt = input.startsAt ?? '2026-12-01T15:00:00-05:00';
  const endsAt = new Date(Date.parse(startsAt) + (input.minutes ?? 60) * 60_000).toISOString();
  const amount = input.amount === undefined ? '120.00' : input.amount;
  const payment = input.payment === undefined ? 'paid' : input.payment;
  return {
    id: input.id,
    version: input.version ?? 1,
    status: input.status ?? 'confirmed',
    startsAt,
    endsAt,
    timezone: 'America/New_York',
    service: { id: 'svc', name: input.service ?? 'Deep Tissue Massage' },
    ...(amount ? { price: { amount, currency: 'USD' } } : {}),
    ...(payment ? { payment: { status: payment } } : {}),
    customer: {
      firstName: input.firstName ?? 'Ada',
      lastName: 'Lovelace',
      ...(input.email !== undefined || input.phone === undefined
        ? { email: input.email ?? 'ada@example.com' }
        : {}),
      ...(input.phone ? { phone: input.phone } : {}),
    },
  };
}

export interface ConnectedWorkspace {
  id: string;
  locationId: string;
  token: string;
  /** Posts a booking event; returns status and parsed body. */
  post(
    input: BookingInput | Record<string, unknown>,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Waits until no sync job of the workspace is queued, running or retrying. */
  idle(): Promise<SyncJobView[]>;
  /** HighLevel as the user sees it. */
  state(): ReturnType<TestServer['emulator']['control']['locationState']>;
  /** The Location's contacts, each with custom field values by field name, tags and notes. */
  contacts(): UserContact[];
  /** A HighLevel client acting in the Location, for changes "by hand". */
  hl: HighLevel;
  /** HighLevel requests made for the Location so far. */
  requestCount(): number;
}

export interface SyncJobView {
  id: string;
  bookingId: string;
  version: number;
  status: string;
  reason: string | null;
  attempts: number;
}

export interface UserContact {
  id: string;
  email: string | null | undefined;
  phone: string | null | undefined;
  fields: Record<string, unknown>;
  tags: string[];
  notes: string[];
}

/** A workspace connected (through the API) to a fresh emulated Location. */
export async function connectedWorkspace(
  server: TestServer,
  options: { connect?: boolean; country?: string } = {},
): Promise<ConnectedWorkspace> {
  const { id } = await server.createWorkspace();
  const { locationId, token } = options.country
    ? server.emulator.control.createLocation({ name: 'Emulated Spa', country: options.country })
    : server.location();
  if (options.connect ?? true) await connect(server, id, locationId, token);
  const control = server.emulator.control;
  const ws: ConnectedWorkspace = {
    id,
    locationId,
    token,
    async post(input) {
      const json = 'customer' in input ? input : bookingEvent(input as BookingInput);
      const res = await server.call('POST', `/v1/workspaces/${id}/bookings`, { json });
      return { status: res.status, body: JSON.parse(res.text) as Record<string, unknown> };
    },
    idle: () => syncIdle(server, id),
    state: () => control.locationState(locationId),
    contacts: () => userContacts(server.emulator, locationId),
    hl: new HighLevel({
      auth: privateIntegrationToken(token, { locationId }),
      baseUrl: 'http://ghl.test',
      fetch: emulatorFetch(server.emulator),
    }),
    requestCount: () => control.requests({ locationId }).length,
  };
  return ws;
}

/** The Location's contacts as a user sees them: custom field values by field name, tags, notes. */
export function userContacts(emulator: Emulator, locationId: string): UserContact[] {
  const state = emulator.control.locationState(locationId);
  const names = new Map(state.customFields.map((field) => [field.id, field.name]));
  return state.contacts.map((contact) => ({
    id: contact.id,
    email: contact.email,
    phone: contact.phone,
    fields: Object.fromEntries(
      Object.entries(contact.customFields)
        .filter(([fieldId]) => names.has(fieldId))
        .map(([fieldId, value]) => [names.get(fieldId)!, value]),
    ),
    tags: [...contact.tags].sort(),
    notes: state.notes.filter((note) => note.contactId === contact.id).map((n) => n.body),
  }));
}

export async function connect(
  server: TestServer,
  workspaceId: string,
  locationId: string,
  token: string,
): Promise<void> {
  const res = await server.call('PUT', `/v1/workspaces/${workspaceId}/integrations/gohighlevel`, {
    json: { apiKey: token, locationId },
  });
  if (res.status !== 200) throw new Error(`connect: ${res.status} ${res.text}`);
}

/** Every sync job of the workspace (`status`: only those), all pages, newest first. */
export async function syncJobs(
  server: TestServer,
  workspaceId: string,
  status?: string,
): Promise<SyncJobView[]> {
  const jobs: SyncJobView[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '200' });
    if (status) query.set('status', status);
    if (cursor) query.set('cursor', cursor);
    const res = await server.call(
      'GET',
      `/v1/workspaces/${workspaceId}/sync-jobs?${query.toString()}`,
    );
    if (res.status !== 200) throw new Error(`sync-jobs: ${res.status} ${res.text}`);
    const page = JSON.parse(res.text) as { jobs: SyncJobView[]; nextCursor: string | null };
    jobs.push(...page.jobs);
    cursor = page.nextCursor;
  } while (cursor);
  return jobs;
}

const BUSY = new Set(['queued', 'running', 'retrying']);

function syncIdle(server: TestServer, workspaceId: string): Promise<SyncJobView[]> {
  return waitFor(
    async () => {
      const jobs = await syncJobs(server, workspaceId);
      return jobs.every((job) => !BUSY.has(job.status)) && jobs;
    },
    { timeoutMs: 25_000, what: `the sync jobs of ${workspaceId} to finish` },
  );
}

/** The 9 booking fields of the default prefix, by name, as a user reads them in HighLevel. */
export function bookingFields(values: {
  totalBookings: number;
  totalCancellations: number;
  totalRevenue: number;
  latestDate: string;
  latestService: string;
  latestPayment: string;
  latestStatus: string;
  latestId: string;
  firstDate: string;
}): Record<string, unknown> {
  const all: Record<string, unknown> = {
    'Bookings – Total Bookings': values.totalBookings,
    'Bookings – Total Cancellations': values.totalCancellations,
    'Bookings – Total Revenue': values.totalRevenue,
    'Bookings – Latest Booking Date': values.latestDate,
    'Bookings – Latest Booking Service': values.latestService,
    'Bookings – Latest Payment Status': values.latestPayment,
    'Bookings – Latest Booking Status': values.latestStatus,
    'Bookings – Latest Booking ID': values.latestId,
    'Bookings – First Booking Date': values.firstDate,
  };
  // HighLevel drops a value written empty: the field is then absent from the contact.
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== ''));
}
