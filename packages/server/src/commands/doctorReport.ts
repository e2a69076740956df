/**
 * `ghl-bridge doctor` in plain words: what was checked against HighLevel and, for each problem,
 * what to do. Pure: turns the check into lines.
 */
import type { ConnectionCheck } from '../gohighlevel/checkConnection.js';
import type { ConnectionRow } from '../gohighlevel/connectionStore.js';
import type { WorkspaceRow } from '../workspaces/workspaceStore.js';

const OK = '✓';
const BAD = '✗';
const UNKNOWN = '?';

/**
 * @example
 * doctorReport(workspace, connection, check).forEach((line) => console.log(line));
 */
export function doctorReport(
  workspace: WorkspaceRow,
  connection: ConnectionRow | undefined,
  check: ConnectionCheck | undefined,
): { lines: string[]; healthy: boolean } {
  const lines = [
    `Workspace ${workspace.id} "${workspace.name}" (features: ${workspace.features.join(', ')})`,
  ];
  if (!connection || !check) {
    lines.push(
      `${BAD} Not connected to GoHighLevel. Connect it with PUT /v1/workspaces/${workspace.id}/integrations/gohighlevel {"apiKey": "pit-…", "locationId": "…"}.`,
    );
    return { lines, healthy: false };
  }
  lines.push(
    `GoHighLevel Location ${connection.location_id}${connection.location_name ? ` "${connection.location_name}"` : ''}, key ${connection.api_key_preview}, connected ${connection.connected_at.toISOString()}`,
  );
  const verdicts = new Set(check.results.map((r) => r.verdict));
  if (verdicts.has('invalid_token')) {
    lines.push(
      `${BAD} HighLevel rejects the API key: it was revoked, rotated or mistyped. Create or copy a Private Integration token (Settings → Private Integrations) and connect again.`,
    );
    return { lines, healthy: false };
  }
  lines.push(`${OK} HighLevel accepts the API key.`);
  if (verdicts.has('wrong_location')) {
    lines.push(
      `${BAD} The key does not belong to Location ${connection.location_id}. Copy the Location ID from Settings → Business Profile of the sub-account the key was made in, and connect again.`,
    );
    return { lines, healthy: false };
  }
  const name = check.location?.name ? ` (${check.location.name})` : '';
  if (check.location)
    lines.push(`${OK} The key belongs to Location ${connection.location_id}${name}.`);
  for (const result of check.results) {
    if (result.scope === 'locations.readonly' && result.verdict === 'held') continue;
    const scope = `${result.label} (${result.scope})`;
    if (result.verdict === 'held') lines.push(`${OK} Can ${scope}.`);
    else if (result.verdict === 'missing') {
      lines.push(
        `${BAD} Cannot ${scope}: tick this scope on the Private Integration in HighLevel (Settings → Private Integrations); the key stays the same.`,
      );
    } else {
      lines.push(
        `${UNKNOWN} Could not check whether it can ${scope}: HighLevel did not answer clearly${result.message ? ` (${result.message})` : ''}. Try again in a minute.`,
      );
    }
  }
  const healthy = check.verdict.ok;
  lines.push(healthy ? 'Everything needed is in place.' : 'Some checks failed; see above.');
  return { lines, healthy };
}
