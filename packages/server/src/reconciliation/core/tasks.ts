/**
 * Tasks, as the poll reads them. `POST /locations/{locationId}/tasks/search` filters by
 * `completed` and `contactId` and pages with `limit`/`skip`, but has no date to filter or sort on
 * (https://marketplace.gohighlevel.com/docs/ghl/locations/task-search). So each run lists the open
 * tasks: one the bridge never saw is new (`task.created`); one it knew open that is no longer
 * listed was completed or deleted, which a search of its contact's completed tasks tells apart.
 */
import { isNews, type Finding, type KnownStates, type RecordChange } from './known.js';
import { taskState } from './recordState.js';

type Fields = Readonly<Record<string, unknown>>;

export const TASKS_PER_PAGE = 100;

/** Contacts whose completed tasks one search asks for. */
export const CONTACTS_PER_TASK_SEARCH = 50;

/** A task as the search lists it. */
export interface ListedTask {
  id: string;
  contactId: string;
  completed: boolean;
}

/**
 * The body of one page of the task search.
 *
 * @example taskSearch({ completed: false }, 100) // { completed: false, limit: 100, skip: 100 }
 */
export function taskSearch(filter: { completed: boolean; contactIds?: string[] }, skip: number) {
  return {
    completed: filter.completed,
    ...(filter.contactIds ? { contactId: filter.contactIds } : {}),
    limit: TASKS_PER_PAGE,
    skip,
  };
}

/**
 * The tasks of a task-search answer (`id`, or `_id` as some HighLevel lists name it).
 *
 * @example tasksOf({ tasks: [{ id: 't1', contactId: 'c1', completed: false }] })
 * // [{ id: 't1', contactId: 'c1', completed: false }]
 */
export function tasksOf(body: unknown): ListedTask[] {
  const list = (body as { tasks?: unknown } | null)?.tasks;
  if (!Array.isArray(list)) return [];
  return (list as unknown[])
    .filter((t): t is Fields => typeof t === 'object' && t !== null)
    .map((task) => ({
      id: typeof task.id === 'string' ? task.id : typeof task._id === 'string' ? task._id : '',
      contactId: typeof task.contactId === 'string' ? task.contactId : '',
      completed: task.completed === true,
    }))
    .filter((task) => task.id !== '');
}

const taskChange = (task: ListedTask, action: 'created' | 'completed', locationId: string) =>
  ({
    kind: 'task',
    action,
    id: task.id,
    locationId,
    ...(task.contactId ? { contactId: task.contactId } : {}),
  }) satisfies RecordChange;

/**
 * The open tasks the bridge never saw: `task.created`, except on a Location's first complete
 * scan (`firstScan`), whose tasks are remembered without telling: they were there before.
 *
 * @example openTaskFindings([{ id: 't1', contactId: 'c1', completed: false }], known, 'loc_1', false)
 */
export function openTaskFindings(
  open: readonly ListedTask[],
  known: KnownStates,
  locationId: string,
  firstScan: boolean,
): Finding[] {
  return open
    .map((task) => ({ task, state: taskState(task.id, 'open') }))
    .filter(({ state }) => isNews(state, known))
    .map(({ task, state }) => ({
      state,
      change: taskChange(task, 'created', locationId),
      tell: !firstScan,
    }));
}

/**
 * The tasks known open (or gone) that a complete scan of the open tasks no longer lists.
 *
 * @example vanishedTasks([{ id: 't1', contactId: 'c1' }], []) // [{ id: 't1', contactId: 'c1' }]
 */
export function vanishedTasks<T extends { id: string }>(
  knownOpen: readonly T[],
  open: readonly ListedTask[],
): T[] {
  const listed = new Set(open.map((task) => task.id));
  return knownOpen.filter((task) => !listed.has(task.id));
}

/**
 * What became of vanished tasks, given their contacts' completed tasks: completed ones are told
 * (`task.completed`); the others are gone, remembered without telling (HighLevel's task search
 * has no deleted tasks, and the app has no event for a deleted task).
 *
 * @example vanishedTaskFindings([{ id: 't1', contactId: 'c1' }], [{ id: 't1', contactId: 'c1', completed: true }], known, 'loc_1')
 */
export function vanishedTaskFindings(
  vanished: readonly { id: string; contactId: string }[],
  completed: readonly ListedTask[],
  known: KnownStates,
  locationId: string,
): Finding[] {
  const done = new Set(completed.filter((task) => task.completed).map((task) => task.id));
  return vanished
    .map((task) => {
      const finished = done.has(task.id);
      const state = taskState(task.id, finished ? 'completed' : 'gone');
      const change = finished
        ? taskChange({ ...task, completed: true }, 'completed', locationId)
        : ({ kind: 'task', action: 'deleted', id: task.id, locationId } satisfies RecordChange);
      return { state, change, tell: finished };
    })
    .filter(({ state }) => isNews(state, known));
}
