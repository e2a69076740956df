import type { Priority } from './types.js';

/** Served first to last: a live call before a sync job before a backfill. */
const ORDER: readonly Priority[] = ['interactive', 'normal', 'bulk'];

/** A place in the queue, to take it out again when its caller gives up. */
export interface Ticket<T> {
  readonly value: T;
  readonly priority: Priority;
  /** False once served or removed. */
  waiting: boolean;
}

interface Lane<T> {
  tickets: Ticket<T>[];
  /** Index of the first ticket not yet passed. */
  head: number;
  /** Removed tickets still in `tickets` past `head`. */
  removed: number;
}

/**
 * Waiters for one key: by priority, then first come first served. Removing a waiter only marks
 * its ticket; a lane is compacted when dead tickets outnumber live ones, so memory follows the
 * waiters even when many give up behind a waiter that is never served.
 *
 * @example
 * const queue = new WaitQueue<string>();
 * queue.push('backfill', 'bulk');
 * queue.push('call', 'interactive');
 * queue.shift(); // 'call'
 */
export class WaitQueue<T> {
  private readonly lanes = new Map<Priority, Lane<T>>(
    ORDER.map((p) => [p, { tickets: [], head: 0, removed: 0 }]),
  );
  private waiting = 0;

  /** Waiters not yet served or removed. */
  get size(): number {
    return this.waiting;
  }

  push(value: T, priority: Priority): Ticket<T> {
    const ticket: Ticket<T> = { value, priority, waiting: true };
    this.lane(priority).tickets.push(ticket);
    this.waiting++;
    return ticket;
  }

  /** Takes a waiter out; false if it was already served or removed. */
  remove(ticket: Ticket<T>): boolean {
    if (!ticket.waiting) return false;
    ticket.waiting = false;
    this.waiting--;
    const lane = this.lane(ticket.priority);
    lane.removed++;
    const live = lane.tickets.length - lane.head - lane.removed;
    if (lane.removed >= 32 && lane.removed > live) {
      lane.tickets = lane.tickets.slice(lane.head).filter((t) => t.waiting);
      lane.head = 0;
      lane.removed = 0;
    }
    return true;
  }

  /** Serves the first waiter of the highest priority that has one. */
  shift(): T | undefined {
    for (const priority of ORDER) {
      const lane = this.lane(priority);
      while (lane.head < lane.tickets.length) {
        const ticket = lane.tickets[lane.head++]!;
        if (lane.head >= 64 && lane.head * 2 >= lane.tickets.length) {
          lane.tickets = lane.tickets.slice(lane.head);
          lane.head = 0;
        }
        if (!ticket.waiting) {
          lane.removed--;
          continue;
        }
        ticket.waiting = false;
        this.waiting--;
        return ticket.value;
      }
    }
    return undefined;
  }

  private lane(priority: Priority): Lane<T> {
    const lane = this.lanes.get(priority);
    if (!lane) {
      throw new RangeError(`Unknown priority "${String(priority)}"; use ${ORDER.join(', ')}.`);
    }
    return lane;
  }
}
