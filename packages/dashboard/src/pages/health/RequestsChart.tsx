/**
 * HighLevel requests per 10 s over the last hour against the limit, drawn by uPlot (small and
 * fast: about 20 KB gzipped, loaded only with this page). The numbers it draws are also in words
 * beside it and in a table for screen readers.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { WorkspaceHealth } from '../../api/health';

const css = (name: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || undefined;

function chartData(health: WorkspaceHealth): uPlot.AlignedData {
  const { startMs, bucketMs, requests, throttled } = health.requests;
  return [
    requests.map((_, i) => (startMs + i * bucketMs) / 1000),
    requests,
    throttled,
    requests.map(() => health.limit.requests),
  ];
}

function chartOptions(width: number): uPlot.Options {
  const fg = css('--fg');
  const line = css('--line');
  const axis = { stroke: fg, grid: { stroke: line }, ticks: { stroke: line } };
  return {
    width,
    height: 220,
    series: [
      {},
      {
        label: 'Requests per 10 s',
        stroke: css('--accent'),
        fill: 'rgba(68,147,248,0.15)',
        width: 1.5,
      },
      { label: '429s', stroke: css('--danger'), width: 1.5 },
      { label: 'Limit', stroke: fg, dash: [6, 4], width: 1, points: { show: false } },
    ],
    axes: [axis, { ...axis, size: 40 }],
    scales: { y: { range: (_u, _min, max) => [0, Math.max(max, 110)] } },
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
  };
}

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const onSchemeChange = (notify: () => void) => {
  darkQuery.addEventListener('change', notify);
  return () => darkQuery.removeEventListener('change', notify);
};

export default function RequestsChart({ health }: { health: WorkspaceHealth }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<{ plot: uPlot; dark: boolean } | null>(null);
  // The canvas takes the page's colours when drawn: drawn again when light turns dark.
  const dark = useSyncExternalStore(onSchemeChange, () => darkQuery.matches);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    if (chart.current?.dark === dark) {
      chart.current.plot.setData(chartData(health));
      return;
    }
    chart.current?.plot.destroy();
    const plot = new uPlot(chartOptions(element.clientWidth), chartData(health), element);
    chart.current = { plot, dark };
  }, [dark, health]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const resize = new ResizeObserver(() =>
      chart.current?.plot.setSize({ width: element.clientWidth, height: 220 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.current?.plot.destroy();
      chart.current = null;
    };
  }, []);

  const { totals } = health.requests;
  return (
    <figure className="chart">
      <div
        ref={box}
        role="img"
        aria-label={`Requests per 10 seconds over the last hour: at most ${totals.peak} of the ${health.limit.requests} allowed, ${totals.throttled} throttled.`}
      />
      <figcaption className="hint">
        Requests per 10 s (line), HighLevel&apos;s 429s, and the limit of {health.limit.requests}{' '}
        (dashed).
      </figcaption>
    </figure>
  );
}
