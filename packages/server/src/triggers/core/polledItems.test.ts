import { describe, expect, it } from 'vitest';
import type { TriggerDetection } from '../../catalogue/core/entry.js';
import { listLength, newsAmong, polledItems } from './polledItems.js';

const tasks: TriggerDetection = { list: 'tasks', holds: 'many', id: 'id', changeMarker: 'content' };

describe('the items of a poll', () => {
  it('reads a list, each item keyed by its id and marked by its content', () => {
    const items = polledItems({ tasks: [{ id: 't1', done: false }, { id: 't2' }] }, tasks);
    expect(items.map((i) => i.key)).toEqual(['t1', 't2']);
    const again = polledItems({ tasks: [{ done: false, id: 't1' }] }, tasks);
    expect(again[0]!.marker).toBe(items[0]!.marker);
  });

  it('marks an item by its change field, or by content when the field is missing', () => {
    const detect: TriggerDetection = { ...tasks, changeMarker: { field: 'dateUpdated' } };
    const [dated, undated] = polledItems(
      { tasks: [{ id: 'a', dateUpdated: '2026-01-01' }, { id: 'b' }] },
      detect,
    );
    expect(dated!.marker).toBe('2026-01-01');
    expect(undated!.marker).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the one item of a get trigger, every day of a keyed answer, and items without ids', () => {
    const one: TriggerDetection = {
      list: 'contact',
      holds: 'one',
      id: 'id',
      changeMarker: 'new-ids-only',
    };
    expect(polledItems({ contact: { id: 'c1' } }, one)).toMatchObject([{ key: 'c1', marker: '' }]);
    expect(polledItems({ contact: null }, one)).toEqual([]);
    const slots: TriggerDetection = {
      list: '*.slots',
      holds: 'many',
      id: null,
      changeMarker: 'new-ids-only',
    };
    const answer = {
      '2030-03-04': { slots: ['09:00', '10:00'] },
      '2030-03-05': { slots: ['09:00'] },
      traceId: 'x',
    };
    expect(polledItems(answer, slots)).toHaveLength(2);
    expect(listLength(answer, slots)).toBe(3);
  });

  it('leaves out items without an id, and counts an id twice once', () => {
    const items = polledItems({ tasks: [{ id: 't1' }, { title: 'no id' }, { id: 't1' }] }, tasks);
    expect(items.map((i) => i.key)).toEqual(['t1']);
    expect(listLength({ tasks: [{ id: 't1' }, { title: 'no id' }, { id: 't1' }] }, tasks)).toBe(3);
  });

  it('tells new and changed items from those seen', () => {
    const items = polledItems({ tasks: [{ id: 't1', a: 1 }, { id: 't2' }] }, tasks);
    const seen = new Map([[items[0]!.key, items[0]!.marker]]);
    expect(newsAmong(items, seen).map((i) => i.key)).toEqual(['t2']);
    const changed = polledItems({ tasks: [{ id: 't1', a: 2 }] }, tasks);
    expect(newsAmong(changed, seen).map((i) => i.key)).toEqual(['t1']);
  });
});
