/** A connection's status in words and colour (the words carry it; the colour only helps). */
const LABELS = {
  connected: 'Connected',
  needs_attention: 'Needs attention',
  disconnected: 'Not connected',
} as const;

export function StatusBadge({ status }: { status: keyof typeof LABELS }) {
  return <span className={`badge badge-${status}`}>{LABELS[status]}</span>;
}
