/**
 * Counts at non-decreasing positions (timestamps, or bucket numbers), with running totals so that
 * "how many after position x" and "which entry must leave before `n` fewer remain" are binary
 * searches rather than scans. Old entries are dropped from the front; the arrays are compacted
 * once the dropped part outweighs the live part, so memory follows the live entries.
 *
 * @example
 * const series = new CountSeries();
 * series.add(100, 1);
 * series.add(250, 3);
 * series.countAfter(100); // 3
 * series.positionShedding(0, 2); // 250: both entries must leave before 2 fewer remain
 */
export class CountSeries {
  private positions: number[] = [];
  /** `totals[i]`: the sum of every count added up to and including entry `i`, ever. */
  private totals: number[] = [];
  private head = 0;
  /** The running total of everything dropped so far (the total just before `head`). */
  private droppedTotal = 0;

  /** Live entries (merged positions), for memory accounting. */
  get size(): number {
    return this.positions.length - this.head;
  }

  /** The sum of all live counts. */
  get total(): number {
    return this.totalBefore(this.positions.length);
  }

  /**
   * Adds `count` at `position`. A position below the last one is moved up to it: an entry that
   * stays longer only ever makes the count larger, never smaller, which is the safe side.
   */
  add(position: number, count: number): void {
    const last = this.positions.length - 1;
    if (last >= this.head && position <= this.positions[last]!) {
      this.totals[last]! += count;
      return;
    }
    this.totals.push(this.total + count);
    this.positions.push(position);
  }

  /** The sum of counts at positions strictly greater than `after`. */
  countAfter(after: number): number {
    return this.total - this.totalBefore(this.firstAfter(after));
  }

  /**
   * Among the entries after `after`, the position of the one whose departure brings their sum
   * down by at least `excess`: every entry up to and including it must leave first.
   * Undefined when they do not add up to `excess`.
   */
  positionShedding(after: number, excess: number): number | undefined {
    const start = this.firstAfter(after);
    const target = this.totalBefore(start) + excess;
    let lo = start;
    let hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.totals[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return lo < this.positions.length ? this.positions[lo] : undefined;
  }

  /** Forgets every entry at a position less than or equal to `upTo`. */
  dropUpTo(upTo: number): void {
    const end = this.firstAfter(upTo);
    if (end === this.head) return;
    this.droppedTotal = this.totals[end - 1]!;
    this.head = end;
    if (this.head >= 64 && this.head * 2 >= this.positions.length) {
      this.positions = this.positions.slice(this.head);
      this.totals = this.totals.slice(this.head);
      this.head = 0;
    }
  }

  private totalBefore(index: number): number {
    return index > this.head ? this.totals[index - 1]! : this.droppedTotal;
  }

  /** The index of the first live entry with a position strictly greater than `after`. */
  private firstAfter(after: number): number {
    let lo = this.head;
    let hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.positions[mid]! > after) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
