/**
 * Progress of a long command on stderr: a bar redrawn in place on a terminal, or a plain line
 * every few seconds when stderr is a file or a pipe (no control characters in logs). The line is
 * a pure function of the counts and the time taken.
 */

/** Where progress goes: stderr in the CLI. */
export interface ProgressSink {
  write(text: string): void;
  /** A terminal: redraw one line in place. */
  isTTY: boolean;
}

/**
 * `[##########----------] 1200/2400 50%`
 *
 * @example progressBar(1, 4, 8); // '[##------] 1/4 25%'
 */
export function progressBar(done: number, total: number, width = 30): string {
  const fraction = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${Math.floor(fraction * 100)}%`;
}

/**
 * `45 s`, `12 min`, `2.5 h`.
 *
 * @example formatDuration(90); // '90 s'
 */
export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${Math.max(0, Math.round(seconds))} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * One progress line: the bar, what the counts mean, the rate so far and the time left at that
 * rate (none until something is done).
 *
 * @example
 * progressLine('Syncing', { done: 50, total: 100, elapsedMs: 10_000 }, '45 synced, 5 failed');
 * // 'Syncing [###############---------------] 50/100 50%  45 synced, 5 failed  5.0/s  about 10 s left'
 */
export function progressLine(
  label: string,
  counts: { done: number; total: number; elapsedMs: number },
  details?: string,
): string {
  const { done, total, elapsedMs } = counts;
  const parts = [`${label} ${progressBar(done, total)}`];
  if (details) parts.push(details);
  const seconds = elapsedMs / 1000;
  if (done > 0 && seconds > 0) {
    const rate = done / seconds;
    parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`);
    if (done < total) parts.push(`about ${formatDuration((total - done) / rate)} left`);
  }
  return parts.join('  ');
}

export interface ProgressReporter {
  /** The current line; drawn now on a terminal (at most every `tty` interval), else now and then. */
  update(line: string): void;
  /** The last line, always shown, ending the progress display. */
  finish(line: string): void;
  /** A line of its own (a hint), above the bar on a terminal. */
  note(text: string): void;
}

/**
 * @example
 * const progress = progressReporter({ isTTY: process.stderr.isTTY, write: (t) => process.stderr.write(t) });
 * progress.update(progressLine('Storing', { done, total, elapsedMs }));
 */
export function progressReporter(
  sink: ProgressSink,
  options: { now?: () => number; ttyIntervalMs?: number; plainIntervalMs?: number } = {},
): ProgressReporter {
  const now = options.now ?? Date.now;
  const interval = sink.isTTY ? (options.ttyIntervalMs ?? 100) : (options.plainIntervalMs ?? 5000);
  let last: number | undefined;
  let shown = '';
  const draw = (line: string) => {
    shown = line;
    // \r and "erase to end of line" only on a terminal.
    sink.write(sink.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
  };
  return {
    update(line) {
      const time = now();
      if (last !== undefined && time - last < interval) return;
      last = time;
      draw(line);
    },
    finish(line) {
      if (sink.isTTY) {
        draw(line);
        sink.write('\n');
      } else if (line !== shown) draw(line);
      last = undefined;
      shown = '';
    },
    note(text) {
      if (!sink.isTTY) return sink.write(`${text}\n`);
      sink.write(`\r${text}\x1b[K\n`);
      if (shown) draw(shown);
    },
  };
}
