import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { connect } from '../../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../../test/harness.js';
import {
  deliver,
  listWebhooks,
  postWebhook,
  settledWebhook,
  signatureHeaders,
  signingKeys,
  webhookEvent,
} from '../../../test/highlevelWebhooks.js';
import { serveHttp } from '../../commands/serveHttp.js';

const trusted = signingKeys();
/** A second Ed25519 key configured beside the first, as during a rotation. */
const rotated = signingKeys();
const untrusted = signingKeys();

async function connectedWorkspace(server: TestServer) {
  const { id } = await server.createWorkspace();
  const { locationId, token } = server.location();
  await connect(server, id, locationId, token);
  return { id, locationId, token };
}

describeOnBackends(
  'POST /v1/webhooks/highlevel',
  (server) => {
    it('records an Ed25519-signed event for the workspace connected to its Location', async () => {
      const ws = await connectedWorkspace(server());
      const event = webhookEvent({
        type: 'ContactCreate',
        locationId: ws.locationId,
        id: 'c_ada',
        email: 'ada@example.com',
      });
      const res = await deliver(server(), event, trusted);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({ webhookId: event.webhookId, duplicate: false });

      expect(await settledWebhook(server(), event.webhookId as string)).toMatchObject({
        status: 'processed',
        reason: null,
      });
      const { webhooks } = await listWebhooks(server(), ws.id);
      expect(webhooks).toEqual([
        expect.objectContaining({
          webhookId: event.webhookId,
          type: 'ContactCreate',
          status: 'processed',
          change: { kind: 'contact', action: 'created', id: 'c_ada', locationId: ws.locationId },
          payload: event,
        }),
      ]);
    });

    it('takes the RSA signature when x-ghl-signature is absent, and a second configured key', async () => {
      const event = webhookEvent({ type: 'ContactDelete', locationId: 'loc_x', id: 'c_1' });
      const body = JSON.stringify(event);
      const rsaOnly = await postWebhook(server(), body, {
        'x-wh-signature': signatureHeaders(body, trusted)['x-wh-signature'],
      });
      expect(rsaOnly.status, rsaOnly.text).toBe(200);

      const next = webhookEvent({ type: 'ContactDelete', locationId: 'loc_x', id: 'c_2' });
      const res = await deliver(server(), next, { ed25519: rotated.ed25519, rsa: untrusted.rsa });
      expect(res.status, res.text).toBe(200);
    });

    it('refuses a tampered body, a key it does not trust and a missing signature with 401', async () => {
      const event = webhookEvent({ type: 'ContactCreate', locationId: 'loc_x', id: 'c_1' });
      const body = JSON.stringify(event);
      const headers = signatureHeaders(body, trusted);
      const tampered = await postWebhook(server(), body.replace('c_1', 'c_2'), headers);
      expect(tampered.status).toBe(401);
      expect(tampered.body.error?.code).toBe('bad_signature');

      const wrongKey = await deliver(server(), event, untrusted);
      expect(wrongKey.status).toBe(401);
      expect(wrongKey.body.error?.message).toContain('GHL_WEBHOOK_PUBLIC_KEYS');

      // A bad Ed25519 signature is not rescued by a good RSA one.
      const mixed = await postWebhook(server(), body, {
        'x-ghl-signature': signatureHeaders(body, untrusted)['x-ghl-signature'],
        'x-wh-signature': headers['x-wh-signature'],
      });
      expect(mixed.status).toBe(401);

      const unsigned = await postWebhook(server(), body, {});
      expect(unsigned.status).toBe(401);
      expect(unsigned.body.error?.code).toBe('missing_signature');

      const count = await server()
        .runtime.database.db.selectFrom('highlevel_webhooks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('webhook_id', '=', event.webhookId as string)
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    });

    it('refuses a delivery outside the replay window with 401 stale_webhook', async () => {
      for (const offsetMs of [-6 * 60_000, 6 * 60_000]) {
        const event = webhookEvent({
          type: 'ContactCreate',
          locationId: 'loc_x',
          id: 'c_1',
          timestamp: new Date(Date.now() + offsetMs).toISOString(),
        });
        const res = await deliver(server(), event, trusted);
        expect(res.status).toBe(401);
        expect(res.body.error?.code).toBe('stale_webhook');
        expect(res.body.error?.message).toContain('GHL_WEBHOOK_REPLAY_WINDOW_SECONDS (300 s)');
      }
    });

    it('answers a signed body that is not an event with 400', async () => {
      const notJson = '{"type": "ContactCreate",';
      const res = await postWebhook(server(), notJson, signatureHeaders(notJson, trusted));
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('invalid_json');

      const noId = JSON.stringify({ type: 'ContactCreate', timestamp: new Date().toISOString() });
      const shapeless = await postWebhook(server(), noId, signatureHeaders(noId, trusted));
      expect(shapeless.status).toBe(400);
      expect(shapeless.body.error?.code).toBe('invalid_webhook');
    });

    it('records a repeated delivery once and processes it once', async () => {
      const ws = await connectedWorkspace(server());
      const event = webhookEvent({ type: 'NoteCreate', locationId: ws.locationId, id: 'n_1' });
      const first = await deliver(server(), event, trusted);
      const again = await deliver(server(), event, trusted);
      expect(first.body).toEqual({ webhookId: event.webhookId, duplicate: false });
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ webhookId: event.webhookId, duplicate: true });

      await settledWebhook(server(), event.webhookId as string);
      expect((await listWebhooks(server(), ws.id)).webhooks).toHaveLength(1);
      const jobs = await sql<{ n: number }>`select count(*)::int as n from pgboss.job
        where name = 'highlevel-webhook' and data->>'webhookId' = ${event.webhookId}`.execute(
        server().runtime.database.db,
      );
      expect(jobs.rows[0]!.n).toBe(1);
    });

    it('records an event type it does not act on as ignored, with 200', async () => {
      const ws = await connectedWorkspace(server());
      const event = webhookEvent({ type: 'VoiceAiCallEnd', locationId: ws.locationId });
      expect((await deliver(server(), event, trusted)).status).toBe(200);
      await settledWebhook(server(), event.webhookId as string);
      const [listed] = (await listWebhooks(server(), ws.id)).webhooks;
      expect(listed).toMatchObject({ status: 'ignored', change: null });
      expect(listed!.reason).toContain('does not act on VoiceAiCallEnd');
    });

    it('records an event of a Location no workspace is connected to as unrouted', async () => {
      const event = webhookEvent({ type: 'ContactCreate', locationId: 'loc_nobody', id: 'c_1' });
      expect((await deliver(server(), event, trusted)).status).toBe(200);
      const row = await settledWebhook(server(), event.webhookId as string);
      expect(row).toMatchObject({ status: 'unrouted', location_id: 'loc_nobody' });
      expect(row.reason).toContain('No workspace is connected to Location loc_nobody');
    });

    it('routes to every workspace connected to the Location, and reads a cancellation', async () => {
      const ws = await connectedWorkspace(server());
      const { id: other } = await server().createWorkspace('Second Spa');
      await connect(server(), other, ws.locationId, ws.token);
      const event = webhookEvent({
        type: 'AppointmentUpdate',
        locationId: ws.locationId,
        appointment: { id: 'apt_1', calendarId: 'cal_1', appointmentStatus: 'cancelled' },
      });
      expect((await deliver(server(), event, trusted)).status).toBe(200);
      await settledWebhook(server(), event.webhookId as string);
      for (const workspaceId of [ws.id, other]) {
        const [listed] = (await listWebhooks(server(), workspaceId)).webhooks;
        expect(listed?.change).toEqual({
          kind: 'appointment',
          action: 'cancelled',
          id: 'apt_1',
          locationId: ws.locationId,
          calendarId: 'cal_1',
          status: 'cancelled',
        });
      }
    });

    it('on UNINSTALL, shows the connection as needing attention and says what to do', async () => {
      const ws = await connectedWorkspace(server());
      const event = webhookEvent({ type: 'UNINSTALL', locationId: ws.locationId, appId: 'app_1' });
      expect((await deliver(server(), event, trusted)).status).toBe(200);
      await settledWebhook(server(), event.webhookId as string);
      const connection = await server().call(
        'GET',
        `/v1/workspaces/${ws.id}/integrations/gohighlevel`,
      );
      expect(connection.body.status).toBe('needs_attention');
      expect(connection.body.lastError).toContain('app was uninstalled from Location');
      expect(connection.body.lastError).toContain('Install the app on the sub-account again');
    });

    it('keeps a signed event whose text the database cannot store, with that text replaced', async () => {
      const ws = await connectedWorkspace(server());
      const event = webhookEvent({
        type: 'NoteCreate',
        locationId: ws.locationId,
        id: 'n_nul',
        body: 'Prefers\u0000 mornings \ud800',
      });
      expect((await deliver(server(), event, trusted)).status).toBe(200);
      await settledWebhook(server(), event.webhookId as string);
      const [listed] = (await listWebhooks(server(), ws.id)).webhooks;
      expect(listed?.payload.body).toBe('Prefers\ufffd mornings \ufffd');
    });
  },
  {
    env: {
      GHL_WEBHOOK_PUBLIC_KEYS: trusted.publicPem + rotated.ed25519Pem,
    },
  },
);

describeOnBackends('webhooks the emulator sends to the bridge over HTTP', (server) => {
  it('records a contact created in the emulated Location for the workspace connected to it', async () => {
    const keys = server().emulator.control.webhookKeys();
    await server().restart({ GHL_WEBHOOK_PUBLIC_KEYS: `${keys.ed25519}${keys.rsa}` });
    const http = await serveHttp(server().runtime.app!, { host: '127.0.0.1', port: 0 });
    try {
      const ws = await connectedWorkspace(server());
      server().emulator.control.setWebhook(ws.locationId, {
        url: `${http.url}/v1/webhooks/highlevel`,
      });
      // Someone adds a contact in HighLevel itself.
      const created = await server().emulator.fetch(
        new Request('http://ghl.test/contacts/', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${ws.token}`,
            version: '2021-07-28',
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            locationId: ws.locationId,
            firstName: 'Grace',
            email: 'grace@example.com',
          }),
        }),
      );
      expect(created.status).toBe(201);
      const contactId = ((await created.json()) as { contact: { id: string } }).contact.id;
      await server().emulator.control.webhooksIdle();

      const [delivery] = server().emulator.control.webhookDeliveries();
      expect(delivery).toMatchObject({ type: 'ContactCreate', state: 'delivered', status: 200 });
      await settledWebhook(server(), delivery!.webhookId);
      const { webhooks } = await listWebhooks(server(), ws.id);
      expect(webhooks).toEqual([
        expect.objectContaining({
          webhookId: delivery!.webhookId,
          status: 'processed',
          change: { kind: 'contact', action: 'created', id: contactId, locationId: ws.locationId },
        }),
      ]);
    } finally {
      await http.close();
    }
  });
});
