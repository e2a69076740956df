import { describe, expect, it } from 'vitest';
import { formatDuration, progressBar, progressLine, progressReporter } from './progress.js';

describe('progressLine', () => {
  it('shows the bar, the counts, the rate and the time left at that rate', () => {
    expect(progressLine('Syncing', { done: 50, total: 200, elapsedMs: 10_000 }, '50 synced')).toBe(
      'Syncing [########----------------------] 50/200 25%  50 synced  5.0/s  about 30 s left',
    );
    expect(progressLine('Storing', { done: 3000, total: 3000, elapsedMs: 2_000 })).toBe(
      `Storing ${progressBar(3000, 3000)}  1500/s`,
    );
    // Nothing done yet: no rate to guess from.
    expect(progressLine('Syncing', { done: 0, total: 10, elapsedMs: 5_000 })).toBe(
      `Syncing ${progressBar(0, 10)}`,
    );
  });

  it.each([
    [45, '45 s'],
    [600, '10 min'],
    [9000, '2.5 h'],
  ])('formats %i seconds as %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('progressReporter', () => {
  it('redraws one line in place on a terminal and ends it with a newline', () => {
    let text = '';
    let now = 0;
    const progress = progressReporter(
      { isTTY: true, write: (t) => (text += t) },
      { now: () => now, ttyIntervalMs: 100 },
    );
    progress.update('a');
    now = 50;
    progress.update('b'); // too soon: skipped
    now = 150;
    progress.update('c');
    progress.note('hint');
    progress.finish('d');
    expect(text).toBe('\ra\x1b[K\rc\x1b[K\rhint\x1b[K\n\rc\x1b[K\rd\x1b[K\n');
  });

  it('writes plain lines now and then when stderr is not a terminal, and always the last one', () => {
    let text = '';
    let now = 0;
    const progress = progressReporter(
      { isTTY: false, write: (t) => (text += t) },
      { now: () => now, plainIntervalMs: 5000 },
    );
    for (now = 0; now <= 12_000; now += 1000) progress.update(`at ${now}`);
    progress.finish('done');
    expect(text).toBe('at 0\nat 5000\nat 10000\ndone\n');
    expect(text).not.toContain('\r');
    expect(text).not.toContain('\x1b');
  });
});
