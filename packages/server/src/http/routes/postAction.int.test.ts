import { expect, it } from 'vitest';
import { connectedWorkspace, type ConnectedWorkspace } from '../../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../../test/harness.js';
import { containing } from '../../../test/matchers.js';
import { runAction } from '../../actions/runAction.js';

interface ActionBody {
  action?: string;
  result?: Record<string, unknown> | null;
  error?: {
    code: string;
    message: string;
    details?: {
      fields?: { path: string; message: string }[];
      closeNames?: string[];
      highLevel?: { status?: number; messages: string[] };
      contactId?: string;
    };
  };
}

async function run(
  server: TestServer,
  ws: string,
  name: string,
  json: unknown,
  key?: string,
): Promise<{ status: number; body: ActionBody; text: string }> {
  const res = await server.call('POST', `/v1/workspaces/${ws}/actions/${name}`, {
    json,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
  return { status: res.status, body: JSON.parse(res.text) as ActionBody, text: res.text };
}

/** HighLevel requests for the Location with this method and path. */
function calls(server: TestServer, ws: ConnectedWorkspace, method: string, path: RegExp) {
  return server.emulator.control
    .requests({ locationId: ws.locationId })
    .filter((r) => r.method === method && path.test(r.path)).length;
}

describeOnBackends(
  'POST /v1/workspaces/:ws/actions/:name',
  (server) => {
    it('creates a contact in the connected Location, filling in its locationId', async () => {
      const ws = await connectedWorkspace(server());
      const res = await run(server(), ws.id, 'create-contact', {
        firstName: 'Ada',
        email: 'ada@example.com',
      });
      expect(res.status).toBe(200);
      expect(res.body.action).toBe('create-contact');
      const contact = (res.body.result as { contact: { id: string; locationId: string } }).contact;
      expect(contact.locationId).toBe(ws.locationId);
      expect(ws.state().contacts).toMatchObject([
        { id: contact.id, firstName: 'Ada', email: 'ada@example.com' },
      ]);
      const audit = server().logs.find(
        (l) => l.msg === 'action run' && l.action === 'create-contact',
      );
      expect(audit).toMatchObject({
        workspaceId: ws.id,
        locationId: ws.locationId,
        outcome: 'answered',
        highLevelStatus: 201,
      });
      expect(typeof audit?.durationMs).toBe('number');
      expect(server().logText()).not.toContain(ws.token);
    });

    it('names every wrong field with 422, and sends nothing to HighLevel', async () => {
      const ws = await connectedWorkspace(server());
      const before = ws.requestCount();
      const res = await run(server(), ws.id, 'create-contact-task', {
        title: 42,
        dueDate: '2026-12-01T10:00:00Z',
        colour: 'red',
      });
      expect(res.status).toBe(422);
      expect(res.body.error?.code).toBe('validation_failed');
      expect(res.body.error?.details?.fields).toEqual([
        { path: 'colour', message: containing('not an input of create-contact-task') },
        { path: 'contactId', message: 'required' },
        { path: 'completed', message: 'required' },
        { path: 'title', message: 'must be string' },
      ]);
      const elsewhere = await run(server(), ws.id, 'create-contact', { locationId: 'loc_other' });
      expect(elsewhere.body.error?.details?.fields).toEqual([
        { path: 'locationId', message: containing(`the connected Location ${ws.locationId}`) },
      ]);
      const dots = await run(server(), ws.id, 'delete-contact', { contactId: '..' });
      expect(dots.body.error?.details?.fields?.[0]?.path).toBe('contactId');
      expect(ws.requestCount()).toBe(before);
    });

    it('runs an action that needs no input from a request without a body', async () => {
      const ws = await connectedWorkspace(server());
      const res = await server().call(
        'POST',
        `/v1/workspaces/${ws.id}/actions/find-location-by-id`,
      );
      expect(res.status, res.text).toBe(200);
      expect((JSON.parse(res.text) as ActionBody).result).toMatchObject({
        location: { id: ws.locationId },
      });
      const list = await server().call('POST', `/v1/workspaces/${ws.id}/actions/create-contact`, {
        json: [{ email: 'ada@example.com' }],
      });
      expect(list.status).toBe(422);
    });

    it('answers an unknown action with 404 and the names close to it', async () => {
      const { id } = await server().createWorkspace();
      const res = await run(server(), id, 'create-contacts', {});
      expect(res.status).toBe(404);
      expect(res.body.error?.code).toBe('unknown_action');
      expect(res.body.error?.details?.closeNames?.[0]).toBe('create-contact');
      expect(res.body.error?.message).toContain('Did you mean create-contact');
    });

    it('answers a trigger with 400 pointing to the triggers', async () => {
      const { id } = await server().createWorkspace();
      const res = await run(server(), id, 'get-contact', { contactId: 'c1' });
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('not_an_action');
      expect(res.body.error?.message).toContain(`POST /v1/workspaces/${id}/triggers`);
    });

    it('answers 409 not_connected before GoHighLevel is connected', async () => {
      const { id } = await server().createWorkspace();
      const res = await run(server(), id, 'create-contact', { email: 'ada@example.com' });
      expect(res.status).toBe(409);
      expect(res.body.error?.code).toBe('not_connected');
    });

    it('refuses an action HighLevel runs only with an agency token', async () => {
      const ws = await connectedWorkspace(server());
      const res = await run(server(), ws.id, 'create-location', { name: 'Spa', companyId: 'co' });
      expect(res.status).toBe(422);
      expect(res.body.error?.code).toBe('agency_only');
    });

    it('runs a write once per Idempotency-Key and body, and answers the retry with the first answer', async () => {
      const ws = await connectedWorkspace(server());
      const input = { firstName: 'Grace', email: 'grace@example.com' };
      const first = await run(server(), ws.id, 'create-contact', input, 'key-1');
      const again = await run(server(), ws.id, 'create-contact', { ...input }, 'key-1');
      expect(first.status).toBe(200);
      expect(again).toEqual(first);
      expect(ws.state().contacts).toHaveLength(1);
      expect(calls(server(), ws, 'POST', /^\/contacts\/?$/)).toBe(1);

      const other = await run(
        server(),
        ws.id,
        'create-contact',
        { email: 'x@example.com' },
        'key-1',
      );
      expect(other.status).toBe(409);
      expect(other.body.error?.code).toBe('idempotency_key_reused');
      expect(ws.state().contacts).toHaveLength(1);

      // Without a key, a write sent twice is done twice (HighLevel refuses the duplicate here).
      const unkeyed = await run(server(), ws.id, 'create-contact-note', {
        contactId: (first.body.result as { contact: { id: string } }).contact.id,
        body: 'Called back',
      });
      expect(unkeyed.status).toBe(200);
    });

    it('calls HighLevel once for two retries sent at once with the same key', async () => {
      const ws = await connectedWorkspace(server());
      server().emulator.control.addFault({
        match: { method: 'POST', path: '/contacts/', locationId: ws.locationId },
        latencyMs: 300,
        count: 1,
      });
      const input = { firstName: 'Lin', email: 'lin@example.com' };
      const [a, b] = await Promise.all([
        run(server(), ws.id, 'create-contact', input, 'same'),
        run(server(), ws.id, 'create-contact', input, 'same'),
      ]);
      expect(a.status).toBe(200);
      expect(b).toEqual(a);
      expect(ws.state().contacts).toHaveLength(1);
      expect(calls(server(), ws, 'POST', /^\/contacts\/?$/)).toBe(1);
    });

    it('answers 409 in_progress when the first request is still waiting for HighLevel', async () => {
      const ws = await connectedWorkspace(server());
      server().emulator.control.addFault({
        match: { method: 'POST', path: '/contacts/', locationId: ws.locationId },
        latencyMs: 1000,
        count: 1,
      });
      const { runtime } = server();
      const deps = {
        db: runtime.database.db,
        highLevel: runtime.highLevel,
        log: runtime.logger,
        waitForRunMs: 50,
      };
      const request = {
        workspaceId: ws.id,
        name: 'create-contact',
        input: { email: 'slow@example.com' },
        idempotencyKey: 'slow',
      };
      const first = runAction(deps, request);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await runAction(deps, request)).toMatchObject({
        kind: 'refused',
        refusal: { code: 'in_progress' },
      });
      expect(await first).toMatchObject({ kind: 'answered', answer: { kind: 'result' } });
    });

    it('forgets a key after 24 hours, and ignores it on a read', async () => {
      const ws = await connectedWorkspace(server());
      const contact = await ws.hl.contacts.create({ locationId: ws.locationId, firstName: 'Ada' });
      const { runtime } = server();
      const deps = (now: number) => ({
        db: runtime.database.db,
        highLevel: runtime.highLevel,
        log: runtime.logger,
        now: () => now,
      });
      const note = {
        workspaceId: ws.id,
        name: 'create-contact-note',
        input: { contactId: contact.id, body: 'Asked for a call back' },
        idempotencyKey: 'daily',
      };
      const today = Date.now();
      await runAction(deps(today), note);
      await runAction(deps(today + 23 * 3600_000), note);
      expect(ws.state().notes).toHaveLength(1);
      await runAction(deps(today + 25 * 3600_000), note);
      expect(ws.state().notes).toHaveLength(2);

      const find = { email: 'nobody@example.com' };
      await run(server(), ws.id, 'find-contact', find, 'read');
      const second = await run(server(), ws.id, 'find-contact', { email: 'x@example.com' }, 'read');
      expect(second.status).toBe(200);
    });

    it("tells HighLevel's refusals in words: a missing record, a duplicate contact, invalid input", async () => {
      const ws = await connectedWorkspace(server());
      const missing = await run(
        server(),
        ws.id,
        'delete-contact',
        { contactId: 'nobody' },
        'k-del',
      );
      expect(missing.status).toBe(404);
      expect(missing.body.error?.code).toBe('highlevel_not_found');
      expect(missing.body.error?.message).toContain('HighLevel found nothing for delete-contact');
      // A refusal about the request is its answer: the same key gets it again, HighLevel is not asked.
      const before = ws.requestCount();
      expect(
        await run(server(), ws.id, 'delete-contact', { contactId: 'nobody' }, 'k-del'),
      ).toEqual(missing);
      expect(ws.requestCount()).toBe(before);

      const ada = { firstName: 'Ada', email: 'ada@example.com' };
      const created = await run(server(), ws.id, 'create-contact', ada);
      const twice = await run(server(), ws.id, 'create-contact', ada);
      expect(twice.status).toBe(409);
      expect(twice.body.error?.code).toBe('duplicate_contact');
      expect(twice.body.error?.details?.contactId).toBe(
        (created.body.result as { contact: { id: string } }).contact.id,
      );

      const badDate = await run(server(), ws.id, 'create-contact-task', {
        contactId: (created.body.result as { contact: { id: string } }).contact.id,
        title: 'Call back',
        dueDate: 'next tuesday',
        completed: false,
      });
      expect(badDate.status).toBe(422);
      expect(badDate.body.error?.code).toBe('highlevel_rejected');
      expect(badDate.body.error?.details?.highLevel?.messages.length).toBeGreaterThan(0);
    });

    it('answers 502 in words when HighLevel fails, keeping no answer: a retry with the key runs again', async () => {
      const ws = await connectedWorkspace(server());
      const contact = await ws.hl.contacts.create({ locationId: ws.locationId, firstName: 'Ada' });
      const { emulator } = server();
      emulator.control.addFault({
        match: { method: 'PUT', path: '/contacts/{contactId}', locationId: ws.locationId },
        status: 503,
      });
      const input = { contactId: contact.id, lastName: 'Lovelace' };
      const failed = await run(server(), ws.id, 'update-contact', input, 'k-put');
      expect(failed.status).toBe(502);
      expect(failed.body.error?.code).toBe('highlevel_unavailable');
      expect(failed.body.error?.message).toContain('while running update-contact');
      emulator.control.clearFaults();
      const retried = await run(server(), ws.id, 'update-contact', input, 'k-put');
      expect(retried.status).toBe(200);
      expect(ws.state().contacts[0]?.lastName).toBe('Lovelace');
    });

    it('keeps a lost answer of a create under its key: the retry is told, not sent again', async () => {
      const ws = await connectedWorkspace(server());
      server().emulator.control.addFault({
        match: { method: 'POST', path: '/contacts/', locationId: ws.locationId },
        commitThenFail: 'status',
        count: 1,
      });
      const input = { email: 'lost@example.com' };
      const lost = await run(server(), ws.id, 'create-contact', input, 'k-lost');
      expect(lost.status).toBe(502);
      expect(lost.body.error?.code).toBe('outcome_unknown');
      expect(lost.body.error?.message).toContain('may or may not have been applied');
      expect(await run(server(), ws.id, 'create-contact', input, 'k-lost')).toEqual(lost);
      expect(ws.state().contacts).toHaveLength(1);
      expect(calls(server(), ws, 'POST', /^\/contacts\/?$/)).toBe(1);
    });
  },
  { worker: false },
);
