/**
 * The tasks part of a run: every open task of the Location (`POST /locations/{id}/tasks/search`,
 * `completed: false`, page by page), then, for the tasks known open that are no longer listed,
 * their contacts' completed tasks. New open tasks are told as created (after the first complete
 * scan), tasks found completed as completed; tasks found neither way are remembered as gone.
 */
import {
  CONTACTS_PER_TASK_SEARCH,
  openTaskFindings,
  taskSearch,
  tasksOf,
  TASKS_PER_PAGE,
  vanishedTaskFindings,
  vanishedTasks,
  type ListedTask,
} from './core/tasks.js';
import { saveProgress } from './checkpointStore.js';
import { read, tellFindings, type Run } from './run.js';
import { knownStates, tasksKnownOpen } from './seenChangeStore.js';

async function allTasks(
  run: Run,
  filter: { completed: boolean; contactIds?: string[] },
): Promise<ListedTask[]> {
  const tasks: ListedTask[] = [];
  for (let skip = 0; ; skip += TASKS_PER_PAGE) {
    const body = await read(run, 'POST', '/locations/{locationId}/tasks/search', {
      path: { locationId: run.locationId },
      body: taskSearch(filter, skip),
    });
    const page = tasksOf(body);
    tasks.push(...page);
    run.summary.read.tasks += page.length;
    if (page.length < TASKS_PER_PAGE) return tasks;
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Reads and tells the task changes of the run's Location.
 *
 * @example await readTasks(run);
 */
export async function readTasks(run: Run): Promise<void> {
  const { locationId } = run;
  const open = await allTasks(run, { completed: false });
  const firstScan = !run.checkpoint?.tasks_checked_at;
  const known = await knownStates(
    run.db,
    locationId,
    'task',
    open.map((task) => task.id),
  );
  await tellFindings(run, openTaskFindings(open, known, locationId, firstScan));
  const vanished = vanishedTasks(await tasksKnownOpen(run.db, locationId), open);
  if (vanished.length > 0) {
    const contacts = [...new Set(vanished.map((task) => task.contactId))];
    const completed: ListedTask[] = [];
    for (const contactIds of chunks(contacts, CONTACTS_PER_TASK_SEARCH)) {
      completed.push(...(await allTasks(run, { completed: true, contactIds })));
    }
    const ids = vanished.map((task) => task.id);
    const knownVanished = await knownStates(run.db, locationId, 'task', ids);
    await tellFindings(run, vanishedTaskFindings(vanished, completed, knownVanished, locationId));
  }
  await saveProgress(run.db, locationId, { part: 'tasks', checkedAt: run.startedAt });
  run.summary.complete.tasks = true;
}
