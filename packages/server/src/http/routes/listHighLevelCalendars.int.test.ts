import { weekdayCalendar } from '@ghl-bridge/emulator';
import { expect, it } from 'vitest';
import { connect } from '../../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../../test/harness.js';
import { requiredScopes } from '../../highlevel/core/scopeChecks.js';

const path = (ws: string) => `/v1/workspaces/${ws}/integrations/gohighlevel/calendars`;

interface CalendarsBody {
  calendars?: {
    id: string;
    name: string;
    calendarType: string | null;
    isActive: boolean;
    slotMinutes: number | null;
  }[];
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

/** A workspace connected to a fresh Location whose key holds `scopes` (default all). */
async function connected(server: TestServer, scopes?: string[]) {
  const { id, apiKey } = await server.createWorkspace();
  const { locationId, token } = server.location(scopes);
  await connect(server, id, locationId, token);
  return { id, apiKey, locationId, token };
}

/** A key made for booking sync only: no calendar scope. */
const BOOKING_SCOPES = requiredScopes(['bookings']);

describeOnBackends('GET /v1/workspaces/:ws/integrations/gohighlevel/calendars', (server) => {
  it('says to connect GoHighLevel first when the workspace is not connected', async () => {
    const { id } = await server().createWorkspace();
    const res = await server().call('GET', path(id));
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('not_connected');
    expect(res.body.error?.message).toContain('connect it first');
  });

  it("lists the connected Location's calendars by name, and no other Location's", async () => {
    const { id, apiKey, locationId } = await connected(server());
    const { control } = server().emulator;
    const owner = control.createUser(locationId, { firstName: 'Olive', lastName: 'Owner' });
    const consultation = control.createCalendar(locationId, weekdayCalendar(owner.id));
    const massage = control.createCalendar(locationId, {
      ...weekdayCalendar(owner.id),
      name: 'Massage',
      slotDuration: 1,
      slotDurationUnit: 'hours',
      isActive: false,
    });
    const elsewhere = server().location();
    const stranger = control.createUser(elsewhere.locationId, { firstName: 'Sam' });
    control.createCalendar(elsewhere.locationId, {
      ...weekdayCalendar(stranger.id),
      name: 'Not ours',
    });

    // The workspace's own key reads them as the admin does.
    const res = await server().call('GET', path(id), { token: apiKey });
    expect(res.status, res.text).toBe(200);
    expect((res.body as CalendarsBody).calendars).toEqual([
      {
        id: consultation.id,
        name: 'Consultation',
        calendarType: 'event',
        isActive: true,
        slotMinutes: 30,
      },
      { id: massage.id, name: 'Massage', calendarType: 'event', isActive: false, slotMinutes: 60 },
    ]);
  });

  it("refuses another workspace's key", async () => {
    const { id } = await connected(server());
    const other = await server().createWorkspace();
    const res = await server().call('GET', path(id), { token: other.apiKey });
    expect(res.status).toBe(403);
  });

  it('names the missing scope when the key cannot read calendars', async () => {
    const { id } = await connected(server(), BOOKING_SCOPES);
    const res = await server().call('GET', path(id));
    const body = res.body as CalendarsBody;
    expect(res.status).toBe(409);
    expect(body.error?.code).toBe('missing_scopes');
    expect(body.error?.details?.missingScopes).toEqual(['calendars.readonly']);
    expect(body.error?.message).toContain('Settings → Private Integrations');
  });

  it('says to reconnect when HighLevel refuses the stored key', async () => {
    const { id, token } = await connected(server());
    server().emulator.control.revokeToken(token);
    const res = await server().call('GET', path(id));
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('credentials_rejected');
    expect(res.body.error?.message).toContain('connect GoHighLevel again');
    expect(res.text).not.toContain(token);
  });

  it('answers 502 in words when HighLevel keeps failing', async () => {
    const { id, locationId } = await connected(server());
    // Fault injection: every calendars listing of this Location answers 503, retries included.
    server().emulator.control.setFaults([
      { match: { locationId, path: '/calendars/' }, status: 503, count: 10 },
    ]);
    try {
      const res = await server().call('GET', path(id));
      expect(res.status).toBe(502);
      expect(res.body.error?.code).toBe('highlevel_unavailable');
      expect(res.body.error?.message).toMatch(/listing the Location's calendars \(.*HTTP 503/);
      expect(res.body.error?.message).toContain('Try again in a minute');
    } finally {
      server().emulator.control.setFaults([]);
    }
  });
});
