/**
 * Webhooks out as a booking app receives them: a real HTTP receiver on a local port, the sync
 * running against the emulator, signatures checked with the `standardwebhooks` library and the
 * secret shown on create. Every body received is checked against its type's schema, the one
 * /openapi.json documents (`test/webhookPayloads.ts`): here after each test, in the other suites
 * when their receiver closes.
 */
import { weekdayCalendar } from '@ghl-bridge/emulator';
import { sql } from 'kysely';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { webhooksProcessed, wiredWorkspace } from '../../test/appWiring.js';
import { connectedWorkspace, type ConnectedWorkspace } from '../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../test/harness.js';
import { anyString, containing, matching } from '../../test/matchers.js';
import { waitFor } from '../../test/waitFor.js';
import {
  startWebhookReceiver,
  webhookHeaders,
  type ReceivedWebhook,
  type WebhookReceiver,
} from '../../test/webhookReceiver.js';

interface Delivery {
  id: string;
  eventId: string;
  type: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
}

describeOnBackends(
  'webhooks out',
  (server) => {
    let receiver: WebhookReceiver;
    beforeAll(async () => {
      receiver = await startWebhookReceiver();
    });
    afterAll(async () => {
      await receiver.close();
    });
    afterEach(() => {
      expect(receiver.problems, 'bodies unlike their schema').toEqual([]);
    });

    /** A connected workspace with an endpoint at `/<workspace id>` taking `events`. */
    async function subscribed(events = ['booking.synced', 'booking.sync_failed']) {
      const s = server();
      const ws = await connectedWorkspace(s);
      const path = `/${ws.id}`;
      const res = await s.call('POST', `/v1/workspaces/${ws.id}/webhook-endpoints`, {
        json: { url: `${receiver.url}${path}`, events, description: 'Test app' },
      });
      expect(res.status, res.text).toBe(201);
      const created = JSON.parse(res.text) as { id: string; secret: string };
      return { ws, path, endpointId: created.id, secret: created.secret };
    }

    async function deliveries(s: TestServer, ws: string, endpointId: string, query = '') {
      const res = await s.call(
        'GET',
        `/v1/workspaces/${ws}/webhook-endpoints/${endpointId}/deliveries${query}`,
      );
      expect(res.status, res.text).toBe(200);
      return (JSON.parse(res.text) as { deliveries: Delivery[] }).deliveries;
    }

    function received(path: string, count = 1): Promise<ReceivedWebhook[]> {
      return waitFor(() => receiver.at(path).length >= count && receiver.at(path), {
        what: `${count} webhook(s) at ${path}`,
      });
    }

    async function postAndSync(ws: ConnectedWorkspace, id: string) {
      expect((await ws.post({ id })).status).toBe(202);
      await ws.idle();
    }

    it('sends booking.synced after a booking syncs, signed with the secret shown on create', async () => {
      const { ws, path, endpointId, secret } = await subscribed();
      expect(secret).toMatch(/^whsec_/);
      await postAndSync(ws, 'bk_synced');
      const [request] = await received(path);
      const payload = new Webhook(secret).verify(request!.body, webhookHeaders(request!)) as {
        type: string;
        timestamp: string;
        data: Record<string, unknown>;
      };
      expect(payload).toMatchObject({
        type: 'booking.synced',
        data: {
          workspaceId: ws.id,
          bookingId: 'bk_synced',
          version: 1,
          highLevelContactId: ws.contacts()[0]!.id,
        },
      });
      expect(request!.headers['webhook-id']).toMatch(/^evt_/);
      expect(request!.headers['content-type']).toBe('application/json');

      const [delivery] = await waitFor(async () => {
        const list = await deliveries(server(), ws.id, endpointId);
        return list[0]?.status === 'delivered' && list;
      });
      expect(delivery).toMatchObject({
        eventId: request!.headers['webhook-id'],
        type: 'booking.synced',
        attempts: 1,
        lastStatus: 204,
        lastError: null,
      });
      // The secret is never shown again.
      const shown = await server().call('GET', `/v1/workspaces/${ws.id}/webhook-endpoints`);
      expect(shown.text).not.toContain(secret);
    });

    it('sends booking.sync_failed when HighLevel refuses the contact', async () => {
      const { ws, path, secret } = await subscribed(['booking.sync_failed']);
      server().emulator.control.setFaults([
        { match: { locationId: ws.locationId, path: '^/contacts' }, status: 422, count: 50 },
      ]);
      try {
        await postAndSync(ws, 'bk_refused');
      } finally {
        server().emulator.control.setFaults([]);
      }
      const [request] = await received(path);
      const payload = new Webhook(secret).verify(request!.body, webhookHeaders(request!));
      expect(payload).toMatchObject({
        type: 'booking.sync_failed',
        data: { bookingId: 'bk_refused', failureKind: 'rejected', reason: anyString() },
      });
    });

    it('retries a receiver that is down and delivers once it is up, with the same webhook-id; a replay sends that id again', async () => {
      const { ws, path, endpointId } = await subscribed(['booking.synced']);
      receiver.answer(path, 503);
      await postAndSync(ws, 'bk_retried');
      const [first] = await received(path);
      const pending = await waitFor(async () => {
        const [delivery] = await deliveries(server(), ws.id, endpointId);
        return delivery?.lastStatus === 503 && delivery;
      });
      expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
      expect(pending.lastError).toContain('503');
      expect(Date.parse(pending.nextAttemptAt!)).toBeGreaterThan(Date.now());

      receiver.answer(path, 200);
      // The first retry is due 5 s (give or take 10 %) after the first attempt.
      const delivered = await waitFor(
        async () => {
          const [delivery] = await deliveries(server(), ws.id, endpointId, '?status=delivered');
          return delivery;
        },
        { what: 'the retry to deliver', timeoutMs: 20_000 },
      );
      expect(delivered).toMatchObject({ attempts: 2, lastStatus: 200, nextAttemptAt: null });
      const sent = receiver.at(path);
      expect(sent.map((r) => r.answered)).toEqual([503, 200]);
      expect(sent[1]!.headers['webhook-id']).toBe(first!.headers['webhook-id']);

      const replay = await server().call(
        'POST',
        `/v1/workspaces/${ws.id}/webhook-endpoints/${endpointId}/deliveries/${delivered.id}/replay`,
      );
      expect(replay.status, replay.text).toBe(202);
      const all = await received(path, 3);
      expect(all[2]!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
      await waitFor(async () => (await deliveries(server(), ws.id, endpointId))[0]?.attempts === 3);
    }, 30_000);

    it('signs with the old and the new secret for a day after a rotation', async () => {
      const { ws, path, endpointId, secret: oldSecret } = await subscribed(['booking.synced']);
      const res = await server().call(
        'POST',
        `/v1/workspaces/${ws.id}/webhook-endpoints/${endpointId}/secret`,
      );
      expect(res.status, res.text).toBe(200);
      const rotated = JSON.parse(res.text) as { secret: string; previousSecretExpiresAt: string };
      expect(rotated.secret).not.toBe(oldSecret);
      const hours = (Date.parse(rotated.previousSecretExpiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(23.9);

      await postAndSync(ws, 'bk_rotated');
      const [request] = await received(path);
      expect(String(request!.headers['webhook-signature']).split(' ')).toHaveLength(2);
      for (const secret of [oldSecret, rotated.secret]) {
        expect(new Webhook(secret).verify(request!.body, webhookHeaders(request!))).toMatchObject({
          type: 'booking.synced',
        });
      }
    });

    it('stops the pending deliveries of an endpoint that is disabled or deleted', async () => {
      const s = server();
      const { db } = s.runtime.database;
      const { ws, path, endpointId } = await subscribed(['booking.synced']);
      const endpoint = `/v1/workspaces/${ws.id}/webhook-endpoints/${endpointId}`;
      receiver.answer(path, 503);

      /** Posts a booking; once its first attempt has failed, the job due to retry it. */
      async function failedOnce(bookingId: string, requests: number) {
        await postAndSync(ws, bookingId);
        await received(path, requests);
        return waitFor(async () => {
          const row = await db
            .selectFrom('webhook_deliveries')
            .select(['id', 'queue_job_id', 'attempts'])
            .where('endpoint_id', '=', endpointId)
            .where('status', '=', 'pending')
            .where('attempts', '=', 1)
            .executeTakeFirst();
          return row?.queue_job_id ? { id: row.id, retryJob: row.queue_job_id } : undefined;
        });
      }
      /** Waits for that job to have run (its retry was due 5 s after the first attempt). */
      async function ran(jobId: string) {
        await waitFor(
          async () => {
            const { rows } = await sql<{ state: string }>`
              select state::text as state from pgboss.job where id = ${jobId}::uuid`.execute(db);
            return rows[0]?.state === 'completed';
          },
          { what: 'the scheduled retry to run', timeoutMs: 20_000 },
        );
      }

      const first = await failedOnce('bk_disabled', 1);
      const disabled = await s.call('PATCH', endpoint, { json: { enabled: false } });
      expect(disabled.status, disabled.text).toBe(200);
      const [failed] = await deliveries(s, ws.id, endpointId);
      expect(failed).toMatchObject({ id: first.id, status: 'failed', nextAttemptAt: null });
      expect(failed!.lastError).toContain('disabled');
      await ran(first.retryJob);
      expect(receiver.at(path)).toHaveLength(1);

      expect((await s.call('PATCH', endpoint, { json: { enabled: true } })).status).toBe(200);
      const second = await failedOnce('bk_deleted', 2);
      expect((await s.call('DELETE', endpoint)).status).toBe(204);
      expect((await s.call('GET', endpoint)).status).toBe(404);
      await ran(second.retryJob);
      expect(receiver.at(path)).toHaveLength(2);
    }, 45_000);

    it('sends connection.needs_attention once when checks find the key revoked', async () => {
      const s = server();
      const { ws, path, endpointId, secret } = await subscribed(['connection.needs_attention']);
      s.emulator.control.revokeToken(ws.token);
      for (const _ of [1, 2]) {
        const check = await s.call(
          'POST',
          `/v1/workspaces/${ws.id}/integrations/gohighlevel/check`,
        );
        expect(check.status, check.text).toBe(202);
        const jobId = (JSON.parse(check.text) as { jobId: string }).jobId;
        await waitFor(
          () =>
            s.runtime.database.db
              .selectFrom('job_runs')
              .select('runs')
              .where('job_id', '=', jobId)
              .executeTakeFirst(),
          { what: 'the check to run' },
        );
      }
      const [request] = await received(path);
      expect(new Webhook(secret).verify(request!.body, webhookHeaders(request!))).toEqual({
        type: 'connection.needs_attention',
        timestamp: anyString(),
        data: {
          workspaceId: ws.id,
          locationId: ws.locationId,
          status: 'needs_attention',
          lastError: matching(/^invalid_token: /),
        },
      });
      // The second check found the same error: it is not told again.
      expect(await deliveries(s, ws.id, endpointId)).toHaveLength(1);
    });

    it('sends the changes staff make in HighLevel: an appointment booked, a note and a task added and deleted, a contact deleted', async () => {
      const wired = await wiredWorkspace(server(), [
        'appointment.created',
        'note.created',
        'note.deleted',
        'task.created',
        'task.deleted',
        'contact.deleted',
      ]);
      try {
        const { ws } = wired;
        const { control } = server().emulator;
        const owner = control.createUser(ws.locationId, { firstName: 'Olive', lastName: 'Owner' });
        const calendar = control.createCalendar(ws.locationId, weekdayCalendar(owner.id));
        const { id: contactId } = await ws.hl.contacts.create({
          locationId: ws.locationId,
          firstName: 'Ada',
        });
        await ws.hl.appointments.create({
          calendarId: calendar.id,
          locationId: ws.locationId,
          contactId: contactId!,
          startTime: '2026-12-01T15:00:00Z',
          endTime: '2026-12-01T15:30:00Z',
          ignoreFreeSlotValidation: true,
        });
        const note = await ws.hl.notes.create(contactId!, { body: 'Prefers mornings' });
        const task = await ws.hl.tasks.create(contactId!, {
          title: 'Call back',
          dueDate: '2026-12-02T09:00:00Z',
          completed: false,
        });
        await webhooksProcessed(server());
        await ws.hl.notes.delete(contactId!, note.id!);
        await ws.hl.tasks.delete(contactId!, task.id!);
        await webhooksProcessed(server());
        await ws.hl.contacts.delete(contactId!);
        const told = await waitFor(() => wired.told().length >= 6 && wired.told(), {
          what: "staff's six changes at the app",
        });
        expect(told.map((event) => event.type).sort()).toEqual([
          'appointment.created',
          'contact.deleted',
          'note.created',
          'note.deleted',
          'task.created',
          'task.deleted',
        ]);
        expect(told.find((event) => event.type === 'contact.deleted')).toEqual({
          type: 'contact.deleted',
          timestamp: anyString(),
          data: {
            id: contactId,
            locationId: ws.locationId,
            action: 'deleted',
            source: 'highlevel',
            foundBy: 'webhook',
            highLevelWebhookId: anyString(),
          },
        });
        expect(told.find((event) => event.type === 'note.created')?.data).toMatchObject({
          id: note.id,
          contactId,
          fields: { body: 'Prefers mornings' },
        });
      } finally {
        await wired.close();
      }
    });

    it('refuses a URL on 127.0.0.1 without GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE', async () => {
      const s = server();
      await s.restart({ GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'false' });
      const { id } = await s.createWorkspace();
      const create = (url: string) =>
        s.call('POST', `/v1/workspaces/${id}/webhook-endpoints`, {
          json: { url, events: ['booking.synced'] },
        });
      const loopback = await create('https://127.0.0.1:8443/hook');
      expect(loopback.status).toBe(422);
      expect(loopback.body.error?.details?.fields).toEqual([
        { path: 'url', message: containing('127.0.0.1, a loopback address') },
      ]);
      const plain = await create('http://93.184.215.14/hook');
      expect(plain.status).toBe(422);
      expect(plain.body.error?.details?.fields?.[0]?.message).toContain('expected an https URL');
      expect((await create('https://93.184.215.14/hook')).status).toBe(201);
    });
  },
  { env: { GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true' } },
);
