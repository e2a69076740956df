/**
 * Trigger subscriptions end to end: subscribed through the API, polled (on request and by the
 * worker's schedule), each new or changed item delivered once to the app's webhook receiver,
 * nothing twice after a restart, nothing missed when an item arrives while a poll is paging; bad
 * subscriptions refused with a 4xx in words.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectedWorkspace, type ConnectedWorkspace } from '../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../test/harness.js';
import { waitFor } from '../../test/waitFor.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/webhookReceiver.js';

interface TriggerItem {
  type: string;
  data: {
    subscriptionId: string;
    trigger: string;
    change: 'new' | 'changed';
    item: Record<string, unknown>;
  };
}

describeOnBackends(
  'trigger subscriptions',
  (server, backend) => {
    let receiver: WebhookReceiver;
    let ws: ConnectedWorkspace;
    let s: TestServer;
    beforeAll(async () => {
      s = server();
      receiver = await startWebhookReceiver();
      ws = await connectedWorkspace(s);
    });
    afterAll(() => receiver.close());

    const path = (rest = '') => `/v1/workspaces/${ws.id}/triggers${rest}`;
    const items = (at: string) => receiver.at(at).map((r) => JSON.parse(r.body) as TriggerItem);
    const newContact = async (email: string) => {
      const body = { locationId: ws.locationId, firstName: email.split('@')[0], email };
      return (await ws.hl.raw<{ contact: { id: string } }>('POST', '/contacts/', { body })).contact
        .id;
    };
    const addTask = async (contactId: string, title: string) =>
      (
        await ws.hl.raw<{ task: { id: string } }>('POST', '/contacts/{contactId}/tasks', {
          path: { contactId },
          body: { title, dueDate: '2030-03-04T15:00:00.000Z', completed: false },
        })
      ).task.id;
    const poll = async (id: string) => {
      const res = await s.call('POST', path(`/${id}/poll`));
      expect(res.status, res.text).toBe(200);
      return (res.body as { poll: { delivered: number; pages: number; error: string | null } })
        .poll;
    };
    const subscribe = async (body: Record<string, unknown>) => {
      const res = await s.call('POST', path(), { json: body });
      expect(res.status, res.text).toBe(201);
      return res.body as { id: string; secret?: string; endpointId: string; lastPoll: unknown };
    };
    const delivered = (at: string, count: number) =>
      waitFor(() => receiver.at(at).length >= count, { what: `${count} deliveries to ${at}` });

    it('delivers a new task once, its completion once, and nothing again after a restart', async () => {
      const contactId = await newContact(`tasks.${backend}@example.com`);
      await addTask(contactId, 'Send the intake form');
      const at = `/tasks-${backend}`;
      const sub = await subscribe({
        trigger: 'get-contact-tasks',
        input: { contactId },
        intervalMinutes: 5,
        url: `${receiver.url}${at}`,
      });
      // The first poll records what was there: the intake form task is not news.
      expect(sub.lastPoll).toMatchObject({ baseline: true, delivered: 0, items: 1, error: null });
      expect(sub.secret).toMatch(/^whsec_/);

      const taskId = await addTask(contactId, 'Call about the deposit');
      expect(await poll(sub.id)).toMatchObject({ delivered: 1, error: null });
      await delivered(at, 1);
      expect(items(at)).toMatchObject([
        {
          type: 'trigger.item',
          data: {
            subscriptionId: sub.id,
            trigger: 'get-contact-tasks',
            change: 'new',
            item: { id: taskId, title: 'Call about the deposit' },
          },
        },
      ]);
      expect(await poll(sub.id)).toMatchObject({ delivered: 0 });

      await ws.hl.raw('PUT', '/contacts/{contactId}/tasks/{taskId}/completed', {
        path: { contactId, taskId },
        body: { completed: true },
      });
      expect(await poll(sub.id)).toMatchObject({ delivered: 1 });
      await delivered(at, 2);
      expect(items(at)[1]).toMatchObject({
        data: { change: 'changed', item: { id: taskId, completed: true } },
      });

      await s.restart({});
      expect(await poll(sub.id)).toMatchObject({ delivered: 0, error: null });
      const shown = await s.call('GET', path(`/${sub.id}`));
      expect(shown.body).toMatchObject({ seenItems: 2, lastPoll: { delivered: 0 } });
      // Every delivery is signed like any webhook, with the secret shown at subscription.
      expect(receiver.at(at)[0]!.headers['webhook-signature']).toMatch(/^v1,/);
    });

    it('misses nothing that arrives while a poll is paging, and delivers it once', async () => {
      for (let i = 0; i < 5; i++) await newContact(`paged${i}.${backend}@example.com`);
      const at = `/paged-${backend}`;
      const sub = await subscribe({
        trigger: 'search-contacts',
        input: { pageLimit: 2 },
        intervalMinutes: 1,
        url: `${receiver.url}${at}`,
      });
      // Each page of the next poll takes 300 ms; the contact arrives while the second is read.
      s.emulator.control.setFaults([
        { match: { method: 'POST', path: '/contacts/search' }, latencyMs: 300, count: 2 },
      ]);
      const polling = poll(sub.id);
      await new Promise((resolve) => setTimeout(resolve, 450));
      const arrived = await newContact(`arrived.${backend}@example.com`);
      const first = await polling;
      s.emulator.control.setFaults([]);
      expect(first.pages).toBeGreaterThanOrEqual(3);
      const second = await poll(sub.id);
      expect(first.delivered + second.delivered).toBe(1);
      await delivered(at, 1);
      expect(await poll(sub.id)).toMatchObject({ delivered: 0 });
      expect(items(at).map((d) => d.data.item.id)).toEqual([arrived]);
    });

    it("polls a due subscription from the worker's schedule", async () => {
      await s.restart({ GHL_BRIDGE_TRIGGER_LOOK_SECONDS: '1' });
      const contactId = await newContact(`scheduled.${backend}@example.com`);
      const at = `/scheduled-${backend}`;
      const sub = await subscribe({
        trigger: 'get-contact-notes',
        input: { contactId },
        intervalMinutes: 1,
        url: `${receiver.url}${at}`,
      });
      await ws.hl.raw('POST', '/contacts/{contactId}/notes', {
        path: { contactId },
        body: { body: 'Allergic to lavender' },
      });
      // Due now, as it would be a minute later.
      await s.runtime.database.db
        .updateTable('trigger_subscriptions')
        .set({ next_poll_at: new Date(Date.now() - 1000) })
        .where('id', '=', sub.id)
        .execute();
      await delivered(at, 1);
      expect(items(at)).toMatchObject([{ data: { item: { body: 'Allergic to lavender' } } }]);
      const shown = await s.call('GET', path(`/${sub.id}`));
      const next = Date.parse((shown.body as { nextPollAt: string }).nextPollAt);
      expect(next).toBeGreaterThan(Date.now() + 30_000);
      await s.restart({ GHL_BRIDGE_TRIGGER_LOOK_SECONDS: '0' });
    });

    it('lists and ends subscriptions; the endpoint made for a URL goes with its subscription', async () => {
      const contactId = await newContact(`ended.${backend}@example.com`);
      const sub = await subscribe({
        trigger: 'get-contact',
        input: { contactId },
        url: `${receiver.url}/ended`,
      });
      const list = await s.call('GET', path());
      expect((list.body as { triggers: { id: string }[] }).triggers.map((t) => t.id)).toContain(
        sub.id,
      );
      expect((await s.call('DELETE', path(`/${sub.id}`))).status).toBe(204);
      expect((await s.call('GET', path(`/${sub.id}`))).status).toBe(404);
      const endpoint = await s.call(
        'GET',
        `/v1/workspaces/${ws.id}/webhook-endpoints/${sub.endpointId}`,
      );
      expect(endpoint.status).toBe(404);
      expect((await s.call('DELETE', path(`/${sub.id}`))).status).toBe(404);
    });

    it.each([
      [{ trigger: 'get-contact-taks' }, 404, 'unknown_trigger', /Did you mean get-contact-tasks/],
      [{ trigger: 'create-contact' }, 400, 'not_a_trigger', /is an action/],
      [{ trigger: 'list-snapshots' }, 422, 'agency_only', /agency token/],
      [{ trigger: 'get-contact-tasks', input: {} }, 422, 'validation_failed', /see details/],
      [{ trigger: 'list-pipelines', intervalMinutes: 20 }, 422, 'validation_failed', /see details/],
      [
        { trigger: 'get-contact-tasks', input: { contactId: 'NoSuchContact0000001' } },
        404,
        'highlevel_not_found',
        /HighLevel found nothing for get-contact-tasks/,
      ],
    ])('refuses %j with %i %s', async (body, status, code, message) => {
      const before = await s.call('GET', path());
      const res = await s.call('POST', path(), {
        json: { url: `${receiver.url}/refused`, ...body },
      });
      expect(res.status, res.text).toBe(status);
      const error = (res.body as { error: { code: string; message: string } }).error;
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      // Nothing is kept: neither a subscription nor an endpoint for it.
      expect((await s.call('GET', path())).body).toEqual(before.body);
      const endpoints = await s.call('GET', `/v1/workspaces/${ws.id}/webhook-endpoints`);
      expect(JSON.stringify(endpoints.body)).not.toContain('/refused');
    });

    it('names the field: input, and neither or both of endpointId and url', async () => {
      const res = await s.call('POST', path(), {
        json: { trigger: 'get-contact-tasks', input: { contactId: 'c1', colour: 'red' } },
      });
      expect(res.status).toBe(422);
      const paths = (
        res.body as { error: { details: { fields: { path: string }[] } } }
      ).error.details.fields.map((f) => f.path);
      expect(paths).toEqual(['endpointId']);
      const input = await s.call('POST', path(), {
        json: {
          trigger: 'get-contact-tasks',
          input: { contactId: 'c1', colour: 'red' },
          endpointId: 'whep_nope',
        },
      });
      expect(input.status).toBe(422);
      expect(JSON.stringify(input.body)).toContain('input.colour');
    });
  },
  { env: { GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true' } },
);
