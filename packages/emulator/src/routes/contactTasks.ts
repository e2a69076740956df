/** Tasks CRUD under `/contacts/{contactId}/tasks`, plus `…/completed` (contacts.json). */
import { contactOf } from '../contacts/lookup.js';
import { dtoRules, validBody } from '../dto.js';
import { badRequest, unprocessable } from '../errors.js';
import { newId } from '../ids.js';
import { emit, nowIso, route, type RouteRequest } from '../runtime.js';
import type { TaskRecord } from '../contacts/core/model.js';

const createRules = dtoRules('contacts', 'CreateTaskParams');
const updateRules = dtoRules('contacts', 'UpdateTaskBody');
const completedRules = dtoRules('contacts', 'UpdateTaskStatusParams');

export function taskView(task: TaskRecord) {
  const { locationId: _locationId, dateAdded: _dateAdded, ...view } = task;
  return view;
}

function checkDueDate(input: Record<string, unknown>): void {
  if (typeof input.dueDate === 'string' && Number.isNaN(Date.parse(input.dueDate))) {
    throw unprocessable(['dueDate must be a valid ISO 8601 date string']);
  }
}

function taskOf({ params, location, rt }: RouteRequest): TaskRecord {
  const contact = contactOf(rt, location, params.contactId!);
  const task = rt.state.tasks[params.taskId!];
  if (!task || task.contactId !== contact.id) {
    throw badRequest(`Task not found for id:${params.taskId}`);
  }
  return task;
}

const event = (type: string, task: TaskRecord) => ({
  type,
  locationId: task.locationId,
  payload: { ...taskView(task), dateAdded: task.dateAdded },
});

export const listTasksRoute = route(
  'GET',
  '/contacts/{contactId}/tasks',
  ({ params, location, rt }) => {
    const contact = contactOf(rt, location, params.contactId!);
    const tasks = Object.values(rt.state.tasks)
      .filter((t) => t.contactId === contact.id)
      .sort((a, b) => a.dateAdded.localeCompare(b.dateAdded));
    return { status: 200, body: { tasks: tasks.map(taskView) } };
  },
);

export const createTaskRoute = route(
  'POST',
  '/contacts/{contactId}/tasks',
  ({ params, body, location, rt }) => {
    const contact = contactOf(rt, location, params.contactId!);
    const input = validBody(createRules, body);
    checkDueDate(input);
    const task: TaskRecord = {
      id: newId(),
      locationId: location.id,
      contactId: contact.id,
      title: input.title as string,
      dueDate: input.dueDate as string,
      completed: input.completed as boolean,
      dateAdded: nowIso(rt),
    };
    if (input.body !== undefined) task.body = input.body as string;
    if (input.assignedTo !== undefined) task.assignedTo = input.assignedTo as string;
    rt.state.tasks[task.id] = task;
    emit(rt, event('TaskCreate', task));
    return { status: 201, body: { task: taskView(task) } };
  },
);

export const getTaskRoute = route('GET', '/contacts/{contactId}/tasks/{taskId}', (req) => ({
  status: 200,
  body: { task: taskView(taskOf(req)) },
}));

function applyTaskUpdate(req: RouteRequest, input: Record<string, unknown>) {
  const task = taskOf(req);
  checkDueDate(input);
  const wasCompleted = task.completed;
  Object.assign(task, input);
  if (task.completed && !wasCompleted) emit(req.rt, event('TaskComplete', task));
  return { status: 200, body: { task: taskView(task) } };
}

export const updateTaskRoute = route('PUT', '/contacts/{contactId}/tasks/{taskId}', (req) =>
  applyTaskUpdate(req, validBody(updateRules, req.body)),
);

export const completeTaskRoute = route(
  'PUT',
  '/contacts/{contactId}/tasks/{taskId}/completed',
  (req) => applyTaskUpdate(req, validBody(completedRules, req.body)),
);

export const deleteTaskRoute = route('DELETE', '/contacts/{contactId}/tasks/{taskId}', (req) => {
  const task = taskOf(req);
  delete req.rt.state.tasks[task.id];
  emit(req.rt, event('TaskDelete', task));
  return { status: 200, body: { succeded: true } };
});

export const contactTaskRoutes = [
  listTasksRoute,
  createTaskRoute,
  getTaskRoute,
  updateTaskRoute,
  completeTaskRoute,
  deleteTaskRoute,
];
