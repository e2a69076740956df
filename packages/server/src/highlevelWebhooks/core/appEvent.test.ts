import { describe, expect, it } from 'vitest';
import { appEventOf } from './appEvent.js';
import type { BridgeChange } from './bridgeChange.js';

const at = { id: 'x1', locationId: 'loc_1' };

describe('appEventOf', () => {
  it.each([
    [{ kind: 'appointment', action: 'created', ...at }, 'appointment.created'],
    [{ kind: 'appointment', action: 'updated', ...at }, 'appointment.updated'],
    [{ kind: 'appointment', action: 'cancelled', ...at }, 'appointment.cancelled'],
    [{ kind: 'appointment', action: 'deleted', ...at }, 'appointment.cancelled'],
    [{ kind: 'contact', action: 'updated', ...at }, 'contact.updated'],
    [{ kind: 'contact', action: 'deleted', ...at }, 'contact.deleted'],
    [{ kind: 'contact', action: 'created', ...at }, undefined],
    [{ kind: 'note', action: 'created', ...at }, 'note.created'],
    [{ kind: 'note', action: 'updated', ...at }, 'note.updated'],
    [{ kind: 'note', action: 'deleted', ...at }, 'note.deleted'],
    [{ kind: 'task', action: 'created', ...at }, 'task.created'],
    [{ kind: 'task', action: 'completed', ...at }, 'task.completed'],
    [{ kind: 'task', action: 'deleted', ...at }, 'task.deleted'],
    [{ kind: 'app', action: 'uninstalled', locationId: 'loc_1' }, undefined],
  ] as [BridgeChange, string | undefined][])('%o is sent as %s', (change, type) => {
    expect(appEventOf(change, 'wh_1')?.type).toBe(type);
  });

  it("carries the change's fields, where it came from and HighLevel's webhook id", () => {
    const change: BridgeChange = {
      kind: 'appointment',
      action: 'cancelled',
      id: 'apt_1',
      locationId: 'loc_1',
      calendarId: 'cal_1',
      status: 'cancelled',
    };
    expect(appEventOf(change, 'wh_9')?.data).toEqual({
      action: 'cancelled',
      id: 'apt_1',
      locationId: 'loc_1',
      calendarId: 'cal_1',
      status: 'cancelled',
      source: 'highlevel',
      foundBy: 'webhook',
      highLevelWebhookId: 'wh_9',
    });
  });

  it('says when the reconciliation poll found the change, without a webhook id', () => {
    const change: BridgeChange = { kind: 'task', action: 'completed', id: 't1', locationId: 'l1' };
    expect(appEventOf(change, null)).toEqual({
      type: 'task.completed',
      data: {
        action: 'completed',
        id: 't1',
        locationId: 'l1',
        source: 'highlevel',
        foundBy: 'reconciliation',
        highLevelWebhookId: null,
      },
    });
  });
});
