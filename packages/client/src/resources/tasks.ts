import type { CallOptions } from '../types.js';
import { Resource, type ContactSchemas } from './resource.js';

export type Task = ContactSchemas['TaskSchema'];
/** `dueDate` is an ISO date-time, e.g. `2020-10-25T11:00:00Z`. */
export type CreateTaskInput = ContactSchemas['CreateTaskParams'];
export type UpdateTaskInput = ContactSchemas['UpdateTaskBody'];

/** Tasks on a contact (`/contacts/{contactId}/tasks` in `apps/contacts.json`, Version 2021-07-28). */
export class Tasks extends Resource {
  /** @example const open = (await hl.tasks.list(contactId)).filter((t) => !t.completed); */
  async list(contactId: string, options: CallOptions = {}): Promise<Task[]> {
    const res = await this.client.request('GET', '/contacts/{contactId}/tasks', {
      ...options,
      path: { contactId },
    });
    return res.tasks ?? [];
  }

  /** @example const task = await hl.tasks.get(contactId, taskId); */
  async get(contactId: string, taskId: string, options: CallOptions = {}): Promise<Task> {
    const res = await this.client.request('GET', '/contacts/{contactId}/tasks/{taskId}', {
      ...options,
      path: { contactId, taskId },
    });
    return res.task as Task;
  }

  /**
   * @example
   * await hl.tasks.create(contactId, { title: 'Call back', dueDate: '2025-03-01T15:00:00Z', completed: false });
   */
  async create(
    contactId: string,
    input: CreateTaskInput,
    options: CallOptions = {},
  ): Promise<Task> {
    const res = await this.client.request('POST', '/contacts/{contactId}/tasks', {
      ...options,
      path: { contactId },
      body: input,
    });
    return res.task as Task;
  }

  /** @example await hl.tasks.update(contactId, taskId, { dueDate: '2025-03-02T15:00:00Z' }); */
  async update(
    contactId: string,
    taskId: string,
    input: UpdateTaskInput,
    options: CallOptions = {},
  ): Promise<Task> {
    const res = await this.client.request('PUT', '/contacts/{contactId}/tasks/{taskId}', {
      ...options,
      path: { contactId, taskId },
      body: input,
    });
    return res.task as Task;
  }

  /**
   * Marks the task done (or, with `completed: false`, open again) without touching its other
   * fields.
   *
   * @example await hl.tasks.complete(contactId, taskId);
   */
  async complete(
    contactId: string,
    taskId: string,
    completed = true,
    options: CallOptions = {},
  ): Promise<Task> {
    const res = await this.client.request('PUT', '/contacts/{contactId}/tasks/{taskId}/completed', {
      ...options,
      path: { contactId, taskId },
      body: { completed },
    });
    return res.task as Task;
  }

  /** @example await hl.tasks.delete(contactId, taskId); */
  async delete(contactId: string, taskId: string, options: CallOptions = {}): Promise<void> {
    await this.client.request('DELETE', '/contacts/{contactId}/tasks/{taskId}', {
      ...options,
      path: { contactId, taskId },
    });
  }
}
