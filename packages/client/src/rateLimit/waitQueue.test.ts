import { describe, expect, it } from 'vitest';
import type { Priority } from './types.js';
import { WaitQueue, type Ticket } from './waitQueue.js';

describe('WaitQueue', () => {
  it('serves by priority, first come first served within one', () => {
    const queue = new WaitQueue<string>();
    const arrivals: Array<[string, Priority]> = [
      ['b1', 'bulk'],
      ['n1', 'normal'],
      ['i1', 'interactive'],
      ['b2', 'bulk'],
      ['i2', 'interactive'],
      ['n2', 'normal'],
    ];
    for (const [name, priority] of arrivals) queue.push(name, priority);
    const served = Array.from({ length: 7 }, () => queue.shift());
    expect(served).toEqual(['i1', 'i2', 'n1', 'n2', 'b1', 'b2', undefined]);
    expect(queue.size).toBe(0);
  });

  it('never serves a removed waiter, and counts only those still waiting', () => {
    const queue = new WaitQueue<number>();
    const tickets: Ticket<number>[] = [];
    for (let i = 0; i < 1000; i++) tickets.push(queue.push(i, i % 2 ? 'bulk' : 'normal'));
    // Remove every waiter not divisible by 3, in an order that forces compactions midway.
    for (const ticket of [...tickets].reverse()) if (ticket.value % 3) queue.remove(ticket);
    expect(queue.remove(tickets[1]!)).toBe(false);
    expect(queue.size).toBe(334);
    const served: number[] = [];
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
      served.push(n);
      if (served.length === 100) queue.push(5000, 'interactive');
    }
    const multiples = (odd: boolean) =>
      tickets.map((t) => t.value).filter((v) => v % 3 === 0 && v % 2 === (odd ? 1 : 0));
    expect(served).toEqual([
      ...multiples(false).slice(0, 100),
      5000,
      ...multiples(false).slice(100),
      ...multiples(true),
    ]);
    expect(queue.size).toBe(0);
  });

  it('refuses a priority it does not know', () => {
    expect(() => new WaitQueue<number>().push(1, 'urgent' as Priority)).toThrow(
      /interactive, normal, bulk/,
    );
  });
});
