/**
 * `ghl-bridge doctor` in plain words: what was checked against HighLevel and, for each problem,
 * what to do. Pure: turns the check into lines.
 */
import type { ConnectionCheck } from '../highlevel/checkConnection.js';
import type { ConnectionRow } from '../highlevel/connectionStore.js';
import type { NoAnswer, ProbeResult } from '../highlevel/core/scopeChecks.js';
import type { WorkspaceRow } from '../workspaces/workspaceStore.js';

const OK = '✓';
const BAD = '✗';
const UNKNOWN = '?';

/** What the report says about where HighLevel is; `baseUrl` is named in the advice. */
export interface DoctorContext {
  highLevelBaseUrl?: string;
}

/** A verdict only an answer from HighLevel can give: the key was read and judged. */
const KEY_ACCEPTED: ReadonlySet<ProbeResult['verdict']> = new Set([
  'held',
  'missing',
  'wrong_location',
]);

/**
 * @example
 * doctorReport(workspace, connection, check).forEach((line) => console.log(line));
 */
export function doctorReport(
  workspace: WorkspaceRow,
  connection: ConnectionRow | undefined,
  check: ConnectionCheck | undefined,
  context: DoctorContext = {},
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
  const unreached = check.results.find((r) => r.noAnswer)?.noAnswer;
  if (unreached) lines.push(`${BAD} ${unreachable(unreached, context.highLevelBaseUrl)}`);
  const notChecked = unreached ? 'HighLevel was not reached' : 'HighLevel did not answer clearly';
  if (check.results.some((r) => KEY_ACCEPTED.has(r.verdict))) {
    lines.push(`${OK} HighLevel accepts the API key.`);
  } else {
    lines.push(`${UNKNOWN} Not checked: whether HighLevel accepts the API key (${notChecked}).`);
  }
  if (verdicts.has('wrong_location')) {
    lines.push(
      `${BAD} The key does not belong to Location ${connection.location_id}. Copy the Location ID from Settings → Business Profile of the sub-account the key was made in, and connect again.`,
    );
    return { lines, healthy: false };
  }
  const name = check.location?.name ? ` (${check.location.name})` : '';
  if (check.location) {
    lines.push(`${OK} The key belongs to Location ${connection.location_id}${name}.`);
  } else {
    lines.push(
      `${UNKNOWN} Not checked: whether the key belongs to Location ${connection.location_id} (${notChecked}).`,
    );
  }
  for (const result of check.results) {
    if (result.scope === 'locations.readonly') continue;
    const scope = `${result.label} (${result.scope})`;
    if (result.verdict === 'held') lines.push(`${OK} Can ${scope}.`);
    else if (result.verdict === 'missing') {
      lines.push(
        `${BAD} Cannot ${scope}: tick this scope on the Private Integration in HighLevel (Settings → Private Integrations); the key stays the same.`,
      );
    } else if (result.noAnswer) {
      lines.push(`${UNKNOWN} Not checked: whether it can ${scope} (HighLevel was not reached).`);
    } else {
      lines.push(
        `${UNKNOWN} Could not check whether it can ${scope}: HighLevel did not answer clearly${result.message ? ` (${result.message})` : ''}. Try again in a minute.`,
      );
    }
  }
  const healthy = check.verdict.ok;
  lines.push(
    healthy
      ? 'Everything needed is in place.'
      : unreached
        ? 'HighLevel could not be reached, so the connection was not checked; see above.'
        : 'Some checks failed; see above.',
  );
  return { lines, healthy };
}

/**
 * Why no answer came, in words, and what to check.
 *
 * @example unreachable({ url: 'https://x.invalid/locations/1', code: 'ENOTFOUND', timedOut: false });
 * // 'Could not reach HighLevel: the host name x.invalid was not found (DNS, ENOTFOUND). Check …'
 */
export function unreachable(noAnswer: NoAnswer, baseUrl?: string): string {
  const { code } = noAnswer;
  let url: URL | undefined;
  try {
    url = new URL(noAnswer.url);
  } catch {
    url = undefined;
  }
  const host = url?.host ?? noAnswer.url;
  const hostname = url?.hostname ?? noAnswer.url;
  let what: string;
  if (noAnswer.timedOut) what = `${host} did not answer in time`;
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    what = `the host name ${hostname} was not found (DNS, ${code})`;
  } else if (code === 'ECONNREFUSED') {
    what = `${host} refused the connection (nothing listens there, ${code})`;
  } else if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    what = `the connection to ${host} timed out (${code})`;
  } else if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    what = `${host} is unreachable from this machine (${code})`;
  } else if (code && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    what = `the TLS certificate of ${host} was not accepted (${code})`;
  } else if (!code && noAnswer.detail === 'bad port') {
    // fetch never connects to some ports (1, 25, 6000 …), whatever listens there.
    what = `fetch refuses to connect to port ${url?.port ?? '?'} of ${hostname} (a blocked port)`;
  } else {
    const why = code ?? noAnswer.detail;
    what = `the request to ${host} failed${why ? ` (${why})` : ''}`;
  }
  const base = baseUrl ? ` (now ${baseUrl})` : '';
  return `Could not reach HighLevel: ${what}. Check GHL_API_BASE_URL${base}, this machine's network and DNS, and any proxy or firewall between it and HighLevel.`;
}
