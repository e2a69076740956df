import { expect, it } from 'vitest';
import { appCall, highLevelCalls, put, settled } from '../../test/appRecords.js';
import { connectedWorkspace, type ConnectedWorkspace } from '../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../test/harness.js';

async function contactOf(server: TestServer) {
  const ws = await connectedWorkspace(server);
  await put(server, ws, 'cust_1', { version: 1, email: 'ada@example.com', firstName: 'Ada' });
  const { contactId } = await settled(server, ws, 'cust_1');
  return { ws, contactId: contactId! };
}

const calls = (server: TestServer, ws: ConnectedWorkspace, call: string) =>
  highLevelCalls(server, ws.locationId).filter((made) => made === call).length;

describeOnBackends("the app's notes and tasks, written to HighLevel", (server) => {
  it('creates a note once and carries an edit to HighLevel once', async () => {
    const { ws, contactId } = await contactOf(server());
    await put(server(), ws, 'cust_1/notes/note_1', { version: 1, body: 'Prefers mornings' });
    const created = await settled(server(), ws, 'cust_1');
    expect(created.notes).toEqual([
      expect.objectContaining({ id: 'note_1', version: 1, status: 'synced', deleted: false }),
    ]);
    expect(ws.state().notes).toEqual([
      expect.objectContaining({
        id: created.notes[0]!.highLevelId,
        contactId,
        body: 'Prefers mornings',
      }),
    ]);

    await put(server(), ws, 'cust_1/notes/note_1', { version: 2, body: 'Prefers evenings' });
    await put(server(), ws, 'cust_1/notes/note_1', { version: 2, body: 'Prefers evenings' }, 200);
    await settled(server(), ws, 'cust_1');
    expect(ws.state().notes.map((note) => note.body)).toEqual(['Prefers evenings']);
    expect(calls(server(), ws, 'POST /contacts/{contactId}/notes')).toBe(1);
    expect(calls(server(), ws, 'PUT /contacts/{contactId}/notes/{id}')).toBe(1);
  });

  it('completes a task and reopens it through the completion call', async () => {
    const { ws } = await contactOf(server());
    const task = { title: 'Call back about the quote', dueDate: '2026-03-02T09:00:00-05:00' };
    await put(server(), ws, 'cust_1/tasks/task_1', { version: 1, ...task });
    const created = await settled(server(), ws, 'cust_1');
    const taskId = created.tasks[0]!.highLevelId;
    expect(ws.state().tasks).toEqual([
      expect.objectContaining({ id: taskId, title: task.title, completed: false }),
    ]);

    await put(server(), ws, 'cust_1/tasks/task_1', { version: 2, ...task, completed: true });
    await settled(server(), ws, 'cust_1');
    expect(ws.state().tasks[0]?.completed).toBe(true);
    await put(server(), ws, 'cust_1/tasks/task_1', { version: 3, ...task, completed: false });
    await settled(server(), ws, 'cust_1');
    expect(ws.state().tasks).toEqual([expect.objectContaining({ id: taskId, completed: false })]);
    expect(calls(server(), ws, 'PUT /contacts/{contactId}/tasks/{taskId}/completed')).toBe(2);
    expect(calls(server(), ws, 'PUT /contacts/{contactId}/tasks/{taskId}')).toBe(0);

    await put(server(), ws, 'cust_1/tasks/task_1', {
      version: 4,
      ...task,
      title: 'Call back today',
      completed: true,
    });
    await settled(server(), ws, 'cust_1');
    expect(ws.state().tasks).toEqual([
      expect.objectContaining({ title: 'Call back today', completed: true }),
    ]);
  });

  it('deletes notes and tasks, again without effect, and knows nothing of ids never sent', async () => {
    const { ws } = await contactOf(server());
    await put(server(), ws, 'cust_1/notes/note_1', { version: 1, body: 'Prefers mornings' });
    await put(server(), ws, 'cust_1/tasks/task_1', {
      version: 1,
      title: 'Call back',
      dueDate: '2026-03-02T09:00:00Z',
    });
    await settled(server(), ws, 'cust_1');

    for (const path of ['cust_1/notes/note_1', 'cust_1/tasks/task_1']) {
      const deleted = await appCall(server(), ws, 'DELETE', path);
      expect(deleted.status).toBe(202);
      expect(deleted.body).toMatchObject({ deleted: true, status: 'pending' });
    }
    const view = await settled(server(), ws, 'cust_1');
    expect([...view.notes, ...view.tasks]).toEqual([
      expect.objectContaining({ status: 'synced', deleted: true, highLevelId: null }),
      expect.objectContaining({ status: 'synced', deleted: true, highLevelId: null }),
    ]);
    expect(ws.state().notes).toEqual([]);
    expect(ws.state().tasks).toEqual([]);

    const again = await appCall(server(), ws, 'DELETE', 'cust_1/notes/note_1');
    expect(again.status).toBe(202);
    const revived = await appCall(server(), ws, 'PUT', 'cust_1/notes/note_1', {
      version: 2,
      body: 'Back?',
    });
    expect(revived.status).toBe(409);
    expect(revived.body.error).toMatchObject({ code: 'note_deleted' });
    const unknown = await appCall(server(), ws, 'DELETE', 'cust_1/tasks/task_never');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'task_not_found' });
  });

  it('refuses a note or task for a contact the app has not PUT', async () => {
    const ws = await connectedWorkspace(server());
    const note = await appCall(server(), ws, 'PUT', 'cust_new/notes/note_1', {
      version: 1,
      body: 'Hello',
    });
    expect(note.status).toBe(409);
    expect(note.body.error).toMatchObject({ code: 'contact_not_found' });
    expect((note.body.error as { message: string }).message).toContain(
      `PUT /v1/workspaces/${ws.id}/contacts/cust_new first`,
    );
  });

  it('makes one note when HighLevel created it but its answer was lost', async () => {
    const { ws } = await contactOf(server());
    server().emulator.control.addFault({
      match: { method: 'POST', path: '/contacts/{contactId}/notes', locationId: ws.locationId },
      status: 502,
      commitThenFail: 'status',
      count: 1,
    });
    await put(server(), ws, 'cust_1/notes/note_1', { version: 1, body: 'Prefers mornings' });
    const view = await settled(server(), ws, 'cust_1');
    expect(view.notes[0]).toMatchObject({ status: 'synced' });
    expect(ws.state().notes).toEqual([
      expect.objectContaining({ id: view.notes[0]!.highLevelId, body: 'Prefers mornings' }),
    ]);
  });

  it('looks for the note on the retry after a lost answer, and makes none twice', async () => {
    const { ws } = await contactOf(server());
    const { control } = server().emulator;
    // The note is written and the connection dropped; the look for it fails too (more 503s than
    // the client's own attempts), so the job is retried and looks again, from its journal.
    control.addFault({
      match: { method: 'POST', path: '/contacts/{contactId}/notes', locationId: ws.locationId },
      commitThenFail: 'drop',
      count: 1,
    });
    control.addFault({
      match: { method: 'GET', path: '/contacts/{contactId}/notes', locationId: ws.locationId },
      status: 503,
      count: 4,
    });
    await put(server(), ws, 'cust_1/notes/note_1', { version: 1, body: 'Prefers mornings' });
    const view = await settled(server(), ws, 'cust_1');
    expect(view.notes[0]).toMatchObject({ status: 'synced' });
    expect(ws.state().notes).toEqual([
      expect.objectContaining({ id: view.notes[0]!.highLevelId, body: 'Prefers mornings' }),
    ]);
    expect(calls(server(), ws, 'POST /contacts/{contactId}/notes')).toBe(1);
    expect(calls(server(), ws, 'GET /contacts/{contactId}/notes')).toBe(5);
  }, 30_000);

  it('answers note and task bodies it cannot take with the fields at fault', async () => {
    const { ws } = await contactOf(server());
    const cases: [string, unknown, string[]][] = [
      ['notes/n', { version: 1 }, ['body']],
      ['notes/n', { version: 1, body: '   ' }, ['body']],
      ['notes/n', { body: 'Hi', pinned: true }, ['version', '(body)']],
      ['tasks/t', { version: 1, title: 'Call' }, ['dueDate']],
      ['tasks/t', { version: 1, title: 'Call', dueDate: '2026-03-02' }, ['dueDate']],
      [
        'tasks/t',
        { version: 1, title: 'Call', dueDate: '2026-03-02T09:00:00Z', completed: 'yes' },
        ['completed'],
      ],
    ];
    for (const [path, body, paths] of cases) {
      const res = await appCall(server(), ws, 'PUT', `cust_1/${path}`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const error = res.body.error as { details: { fields: { path: string }[] } };
      expect(error.details.fields.map((field) => field.path).sort()).toEqual([...paths].sort());
    }
  });
});
