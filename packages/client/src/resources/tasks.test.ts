import { describe, expect, it } from 'vitest';
import { scriptedFetch, type Reply } from '../../test/scriptedFetch.js';
import { privateIntegrationToken } from '../auth/privateIntegrationToken.js';
import { HighLevel } from '../highlevel.js';

function client(...replies: Reply[]) {
  const script = scriptedFetch(...replies);
  const auth = privateIntegrationToken('pit-test', { locationId: 'loc1' });
  const hl = new HighLevel({ auth, fetch: script.fetch, rateLimit: false, retry: false });
  return { hl, script };
}

const task = {
  id: 't1',
  title: 'Call back',
  dueDate: '2025-03-01T15:00:00Z',
  completed: false,
  contactId: 'c1',
};

describe('tasks', () => {
  it('lists, gets, creates, updates and deletes a contact’s tasks', async () => {
    const { hl, script } = client(
      { body: { tasks: [task] } },
      { body: { task } },
      { status: 201, body: { task } },
      { body: { task: { ...task, dueDate: '2025-03-02T15:00:00Z' } } },
      { body: { succeded: true } },
    );
    const input = { title: 'Call back', dueDate: '2025-03-01T15:00:00Z', completed: false };

    expect(await hl.tasks.list('c1')).toEqual([task]);
    expect(await hl.tasks.get('c1', 't1')).toEqual(task);
    expect(await hl.tasks.create('c1', input)).toEqual(task);
    await hl.tasks.update('c1', 't1', { dueDate: '2025-03-02T15:00:00Z' });
    await hl.tasks.delete('c1', 't1');

    expect(script.sent.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      'GET /contacts/c1/tasks',
      'GET /contacts/c1/tasks/t1',
      'POST /contacts/c1/tasks',
      'PUT /contacts/c1/tasks/t1',
      'DELETE /contacts/c1/tasks/t1',
    ]);
    expect(JSON.parse(script.sent[2]!.body!)).toEqual(input);
    expect(JSON.parse(script.sent[3]!.body!)).toEqual({ dueDate: '2025-03-02T15:00:00Z' });
    expect(script.sent.every((s) => s.headers.get('version') === '2021-07-28')).toBe(true);
  });

  it('completes a task through …/completed, and reopens it with false', async () => {
    const { hl, script } = client(
      { body: { task: { ...task, completed: true } } },
      { body: { task } },
    );
    expect((await hl.tasks.complete('c1', 't1')).completed).toBe(true);
    expect((await hl.tasks.complete('c1', 't1', false)).completed).toBe(false);
    expect(script.sent.map((s) => [s.method, s.url.pathname, s.body])).toEqual([
      ['PUT', '/contacts/c1/tasks/t1/completed', '{"completed":true}'],
      ['PUT', '/contacts/c1/tasks/t1/completed', '{"completed":false}'],
    ]);
  });
});
