import { describe, expect, it } from 'vitest';
import { createdNote, createdTask } from './createdRecords.js';

const startedAt = new Date('2026-03-01T10:00:00Z');

describe('createdNote', () => {
  const notes = [
    { id: 'n_old', body: 'Prefers mornings', dateAdded: '2026-02-01T10:00:00Z' },
    { id: 'n_taken', body: 'Prefers mornings', dateAdded: '2026-03-01T10:00:01Z' },
    { id: 'n_new', body: 'Prefers mornings', dateAdded: '2026-03-01T10:00:02Z' },
  ];

  it('finds the note the create made: its body, added since, mapped to no other record', () => {
    expect(createdNote(notes, 'Prefers mornings', startedAt, new Set(['n_taken']))).toBe('n_new');
  });

  it('finds none when the create never reached HighLevel', () => {
    expect(createdNote(notes, 'Prefers evenings', startedAt, new Set())).toBeUndefined();
    expect(
      createdNote(notes.slice(0, 1), 'Prefers mornings', startedAt, new Set()),
    ).toBeUndefined();
  });
});

describe('createdTask', () => {
  const task = { title: 'Call back', dueDate: '2026-03-02T09:00:00.000Z', completed: false };

  it('finds the task by its title and due time, whatever the offset it is written with', () => {
    const tasks = [
      { id: 't_other', title: 'Call back', dueDate: '2026-03-03T09:00:00Z' },
      { id: 't_1', title: 'Call back', dueDate: '2026-03-02T04:00:00-05:00' },
    ];
    expect(createdTask(tasks, task, new Set())).toBe('t_1');
    expect(createdTask(tasks, task, new Set(['t_1']))).toBeUndefined();
  });
});
