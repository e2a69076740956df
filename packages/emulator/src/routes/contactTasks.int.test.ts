/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

async function withContact() {
  const s = setup();
  const created = await s.api('POST', '/contacts/', {
    body: { locationId: s.locationId, email: 'a@example.com' },
  });
  return { ...s, contactId: created.body.contact.id as string };
}

describe('/contacts/{contactId}/tasks', () => {
  it('creates (201), reads, updates, completes and deletes', async () => {
    const { api, contactId, emulator } = await withContact();
    const events: string[] = [];
    emulator.control.onEvent((e) => events.push(e.type));
    const created = await api('POST', `/contacts/${contactId}/tasks`, {
      body: { title: 'Call back', dueDate: '2026-06-01T10:00:00Z', completed: false },
    });
    expect(created.status).toBe(201);
    expect(created.body.task).toMatchObject({ title: 'Call back', completed: false, contactId });
    const taskId = created.body.task.id as string;
    const path = `/contacts/${contactId}/tasks/${taskId}`;
    expect((await api('PUT', path, { body: { body: 'About the booking' } })).body.task.body).toBe(
      'About the booking',
    );
    const done = await api('PUT', `${path}/completed`, { body: { completed: true } });
    expect(done.status).toBe(200);
    expect(done.body.task.completed).toBe(true);
    expect((await api('GET', path)).body.task.completed).toBe(true);
    expect((await api('GET', `/contacts/${contactId}/tasks`)).body.tasks).toHaveLength(1);
    expect((await api('DELETE', path)).body).toEqual({ succeded: true });
    expect((await api('GET', path)).status).toBe(400);
    expect(events).toEqual(['TaskCreate', 'TaskComplete', 'TaskDelete']);
  });

  it('422s without the required title, dueDate and completed', async () => {
    const { api, contactId } = await withContact();
    const res = await api('POST', `/contacts/${contactId}/tasks`, { body: { body: 'x' } });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual([
      'title should not be empty',
      'dueDate should not be empty',
      'completed should not be empty',
    ]);
    const badDate = await api('POST', `/contacts/${contactId}/tasks`, {
      body: { title: 't', dueDate: 'tomorrow', completed: false },
    });
    expect(badDate.status).toBe(422);
  });
});
