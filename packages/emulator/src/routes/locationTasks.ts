/**
 * `POST /locations/{locationId}/tasks/search`: every task of the Location's contacts, filtered by
 * contact, assignee, completion and text, paged with `limit` (default 25) and `skip`
 * (locations.json `TaskSearchParamsDto`). The spec types the answer's `tasks` as an array of
 * arrays; the emulator answers task objects as `GET /contacts/{contactId}/tasks` does, with
 * `dateAdded`, oldest first (DEVIATIONS.md).
 */
import { dtoRules, validBody } from '../dto.js';
import { unprocessable } from '../errors.js';
import { route } from '../runtime.js';
import type { TaskRecord } from '../contacts/core/model.js';
import { taskView } from './contactTasks.js';

const searchRules = dtoRules('locations', 'TaskSearchParamsDto');

const DEFAULT_LIMIT = 25;

interface TaskSearch {
  contactId?: string[];
  assignedTo?: string[];
  completed?: boolean;
  query?: string;
  limit: number;
  skip: number;
}

function taskSearch(body: unknown): TaskSearch {
  const input = validBody(searchRules, body);
  const errors: string[] = [];
  const whole = (name: 'limit' | 'skip', min: number) => {
    const value = input[name];
    if (value !== undefined && (!Number.isInteger(value) || (value as number) < min)) {
      errors.push(`${name} must be a whole number of at least ${min}`);
    }
  };
  whole('limit', 1);
  whole('skip', 0);
  if (errors.length > 0) throw unprocessable(errors);
  return {
    ...(input as Omit<TaskSearch, 'limit' | 'skip'>),
    limit: (input.limit as number | undefined) ?? DEFAULT_LIMIT,
    skip: (input.skip as number | undefined) ?? 0,
  };
}

function matches(task: TaskRecord, search: TaskSearch): boolean {
  if (search.contactId?.length && !search.contactId.includes(task.contactId)) return false;
  if (search.assignedTo?.length && !search.assignedTo.includes(task.assignedTo ?? '')) {
    return false;
  }
  if (search.completed !== undefined && task.completed !== search.completed) return false;
  const query = search.query?.trim().toLowerCase();
  if (query && !`${task.title} ${task.body ?? ''}`.toLowerCase().includes(query)) return false;
  return true;
}

export const searchLocationTasksRoute = route(
  'POST',
  '/locations/{locationId}/tasks/search',
  ({ body, location, rt }) => {
    const search = taskSearch(body);
    const tasks = Object.values(rt.state.tasks)
      .filter((task) => task.locationId === location.id && matches(task, search))
      .sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id))
      .slice(search.skip, search.skip + search.limit)
      .map((task) => ({ ...taskView(task), dateAdded: task.dateAdded }));
    return { status: 200, body: { tasks } };
  },
);

export const locationTaskRoutes = [searchLocationTasksRoute];
