/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { manualClock } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

const T0 = Date.parse('2026-05-04T09:00:00Z');

/** Two contacts with three tasks between them, one completed, a minute apart. */
async function withTasks() {
  const clock = manualClock(T0);
  const s = setup({ clock });
  const contact = async (email: string) =>
    (await s.api('POST', '/contacts/', { body: { locationId: s.locationId, email } })).body.contact
      .id as string;
  const [ada, bo] = [await contact('ada@example.com'), await contact('bo@example.com')];
  const task = async (contactId: string, title: string) => {
    await clock.advance(60_000);
    const body = { title, dueDate: '2026-06-01T10:00:00Z', completed: false };
    return (await s.api('POST', `/contacts/${contactId}/tasks`, { body })).body.task.id as string;
  };
  const ids = [
    await task(ada, 'Call back'),
    await task(bo, 'Send invoice'),
    await task(ada, 'Ask for review'),
  ];
  await s.api('PUT', `/contacts/${ada}/tasks/${ids[2]}/completed`, { body: { completed: true } });
  const search = async (body: Record<string, unknown>) =>
    (await s.api('POST', `/locations/${s.locationId}/tasks/search`, { body })).body.tasks.map(
      (t: { title: string }) => t.title,
    );
  return { ...s, ada, bo, ids, search };
}

describe('POST /locations/{locationId}/tasks/search', () => {
  it('lists every task of the Location, oldest first, with dateAdded', async () => {
    const { api, locationId, ada, ids } = await withTasks();
    const res = await api('POST', `/locations/${locationId}/tasks/search`, { body: {} });
    expect(res.status).toBe(200);
    expect(res.body.tasks.map((t: { id: string }) => t.id)).toEqual(ids);
    expect(res.body.tasks[0]).toMatchObject({
      id: ids[0],
      contactId: ada,
      title: 'Call back',
      completed: false,
      dateAdded: new Date(T0 + 60_000).toISOString(),
    });
  });

  it.each([
    [{ completed: true }, ['Ask for review']],
    [{ completed: false }, ['Call back', 'Send invoice']],
    [{ query: 'INVOICE' }, ['Send invoice']],
    [{ limit: 2 }, ['Call back', 'Send invoice']],
    [{ limit: 2, skip: 2 }, ['Ask for review']],
    [{ skip: 3 }, []],
  ])('filters and pages with %j', async (body, titles) => {
    const { search } = await withTasks();
    expect(await search(body)).toEqual(titles);
  });

  it('filters by contact', async () => {
    const { search, bo } = await withTasks();
    expect(await search({ contactId: [bo] })).toEqual(['Send invoice']);
  });

  it('422s on a limit below 1 or a property not in TaskSearchParamsDto', async () => {
    const { api, locationId } = await withTasks();
    const path = `/locations/${locationId}/tasks/search`;
    const zero = await api('POST', path, { body: { limit: 0 } });
    expect(zero.status).toBe(422);
    expect(zero.body.message).toEqual(['limit must be a whole number of at least 1']);
    expect((await api('POST', path, { body: { sort: 'dueDate' } })).status).toBe(422);
  });
});
