/**
 * Finding a note or task whose create may have reached HighLevel without its answer reaching the
 * bridge. The create is journaled `started` before the call; a retry that finds the mark lists
 * the contact's notes or tasks and takes the one the create made, if it is there, instead of
 * creating a second. HighLevel returns nothing of the app's id, so the record is known by what
 * was sent, among those no other record of this contact maps to.
 */
import type { Note, Task } from '@ghl-bridge/client';
import { instant } from '../../reconciliation/core/recordState.js';
import type { DesiredTask } from './items.js';

/** How far HighLevel's clock may be behind the bridge's when a note's `dateAdded` is compared. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * The id of the note with `body` added since the create started, not mapped to another record.
 *
 * @example createdNote(notes, 'Prefers mornings', startedAt, new Set(['n_other'])) // 'n_1'
 */
export function createdNote(
  notes: readonly Note[],
  body: string,
  startedAt: Date,
  taken: ReadonlySet<string>,
): string | undefined {
  const since = startedAt.getTime() - CLOCK_SLACK_MS;
  const found = notes.find(
    (note) =>
      note.id !== undefined &&
      !taken.has(note.id) &&
      note.body === body &&
      (instant(note.dateAdded) ?? since) >= since,
  );
  return found?.id;
}

/**
 * The id of the task with the title and due time of `task`, not mapped to another record.
 *
 * @example createdTask(tasks, { title: 'Call back', dueDate: '2026-03-02T09:00:00Z', completed: false }, new Set()) // 't_1'
 */
export function createdTask(
  tasks: readonly Task[],
  task: DesiredTask,
  taken: ReadonlySet<string>,
): string | undefined {
  const due = instant(task.dueDate);
  const found = tasks.find(
    (candidate) =>
      candidate.id !== undefined &&
      !taken.has(candidate.id) &&
      candidate.title === task.title &&
      instant(candidate.dueDate) === due,
  );
  return found?.id;
}
