/**
 * The notes and tasks a booking app keeps under a contact: what a version asks HighLevel to hold,
 * and which call takes a task from what the bridge last wrote to it.
 */

export type ItemKind = 'note' | 'task';

export interface DesiredNote {
  body: string;
}

export interface DesiredTask {
  title: string;
  body?: string;
  /** ISO 8601 with an offset. */
  dueDate: string;
  completed: boolean;
  /** A HighLevel user id. */
  assignedTo?: string;
}

/**
 * The call a task's new version needs: `none` (HighLevel has it so), `completion` (only
 * `completed` changed: `PUT /contacts/{id}/tasks/{taskId}/completed`, which touches nothing
 * else), or `update` (`PUT /contacts/{id}/tasks/{taskId}` with every field).
 *
 * @example taskCall({ title: 'Call', dueDate: 'x', completed: false }, { title: 'Call', dueDate: 'x', completed: true }) // 'completion'
 */
export function taskCall(
  written: DesiredTask,
  desired: DesiredTask,
): 'none' | 'completion' | 'update' {
  const same = (key: keyof DesiredTask) => (written[key] ?? null) === (desired[key] ?? null);
  const others = (['title', 'body', 'dueDate', 'assignedTo'] as const).every(same);
  if (!others) return 'update';
  return same('completed') ? 'none' : 'completion';
}

/**
 * The body of a task's create or full update: the fields the app sent, nothing it left out.
 *
 * @example taskBody({ title: 'Call back', dueDate: '2026-03-02T09:00:00Z', completed: false })
 * // { title: 'Call back', dueDate: '2026-03-02T09:00:00Z', completed: false }
 */
export function taskBody(task: DesiredTask): DesiredTask {
  return {
    title: task.title,
    ...(task.body !== undefined ? { body: task.body } : {}),
    dueDate: task.dueDate,
    completed: task.completed,
    ...(task.assignedTo !== undefined ? { assignedTo: task.assignedTo } : {}),
  };
}
