import { describe, expect, it } from 'vitest';
import { knownStatesOf } from './known.js';
import {
  openTaskFindings,
  taskSearch,
  tasksOf,
  vanishedTaskFindings,
  vanishedTasks,
} from './tasks.js';

const open = (id: string) => ({ id, contactId: 'c_1', completed: false });

describe('open tasks', () => {
  const known = knownStatesOf([{ record_id: 't_known', fingerprint: 'open', state_rank: 1 }]);

  it.each([
    ['a later scan tells a new open task as created', false, true],
    ['the first scan remembers it without telling', true, false],
  ])('%s', (_what, firstScan, tell) => {
    const findings = openTaskFindings([open('t_new'), open('t_known')], known, 'loc_1', firstScan);
    expect(findings).toEqual([
      {
        state: { kind: 'task', id: 't_new', fingerprint: 'open', rank: 1 },
        change: {
          kind: 'task',
          action: 'created',
          id: 't_new',
          locationId: 'loc_1',
          contactId: 'c_1',
        },
        tell,
      },
    ]);
  });
});

describe('vanished tasks', () => {
  const knownOpen = [
    { id: 't_done', contactId: 'c_1' },
    { id: 't_deleted', contactId: 'c_2' },
    { id: 't_still', contactId: 'c_1' },
  ];

  it('are the known-open tasks a complete scan no longer lists', () => {
    expect(vanishedTasks(knownOpen, [open('t_still')]).map((t) => t.id)).toEqual([
      't_done',
      't_deleted',
    ]);
  });

  it('are completed when their contact’s completed tasks list them, else gone (untold)', () => {
    const vanished = knownOpen.slice(0, 2);
    const completed = [{ id: 't_done', contactId: 'c_1', completed: true }];
    const findings = vanishedTaskFindings(vanished, completed, knownStatesOf([]), 'loc_1');
    expect(findings.map((f) => [f.state.fingerprint, f.change.action, f.tell])).toEqual([
      ['completed', 'completed', true],
      ['gone', 'deleted', false],
    ]);
  });

  it('tell nothing twice: a completion already told, or a task already gone', () => {
    const known = knownStatesOf([
      { record_id: 't_done', fingerprint: 'completed', state_rank: 2 },
      { record_id: 't_deleted', fingerprint: 'gone', state_rank: 2 },
    ]);
    const completed = [{ id: 't_done', contactId: 'c_1', completed: true }];
    expect(vanishedTaskFindings(knownOpen.slice(0, 2), completed, known, 'loc_1')).toEqual([]);
  });
});

describe('the task search', () => {
  it('pages by skip, with the filter asked for', () => {
    expect(taskSearch({ completed: true, contactIds: ['c_1'] }, 200)).toEqual({
      completed: true,
      contactId: ['c_1'],
      limit: 100,
      skip: 200,
    });
  });

  it('reads tasks by id or _id', () => {
    expect(
      tasksOf({ tasks: [{ _id: 't1', contactId: 'c1', completed: true }, { title: 'no id' }] }),
    ).toEqual([{ id: 't1', contactId: 'c1', completed: true }]);
  });
});
