import { describe, expect, it } from 'vitest';
import { taskBody, taskCall, type DesiredTask } from './items.js';

const open: DesiredTask = {
  title: 'Call back',
  dueDate: '2026-03-02T09:00:00.000Z',
  completed: false,
};

describe('taskCall', () => {
  it('completes or reopens through the completion call when only that changed', () => {
    expect(taskCall(open, { ...open, completed: true })).toBe('completion');
    expect(taskCall({ ...open, completed: true }, open)).toBe('completion');
  });

  it('updates when anything else changed, completion with it', () => {
    expect(taskCall(open, { ...open, title: 'Call back today' })).toBe('update');
    expect(taskCall(open, { ...open, body: 'About the quote', completed: true })).toBe('update');
    expect(taskCall({ ...open, assignedTo: 'u_1' }, open)).toBe('update');
  });

  it('makes no call for the same task', () => {
    expect(taskCall(open, { ...open })).toBe('none');
  });
});

describe('taskBody', () => {
  it('sends the fields the app sent and nothing it left out', () => {
    expect(taskBody(open)).toEqual(open);
    expect(taskBody({ ...open, assignedTo: 'u_1' })).toEqual({ ...open, assignedTo: 'u_1' });
  });
});
