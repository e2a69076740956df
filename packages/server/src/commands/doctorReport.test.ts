import { describe, expect, it } from 'vitest';
import type { ConnectionCheck } from '../highlevel/checkConnection.js';
import type { ConnectionRow } from '../highlevel/connectionStore.js';
import {
  connectionVerdict,
  type NoAnswer,
  type ProbeResult,
} from '../highlevel/core/scopeChecks.js';
import type { WorkspaceRow } from '../workspaces/workspaceStore.js';
import { doctorReport, unreachable } from './doctorReport.js';

const workspace: WorkspaceRow = {
  id: 'ws_1',
  name: 'Spa',
  api_key_hash: 'h',
  features: ['bookings'],
  created_at: new Date('2026-01-01T00:00:00Z'),
  booking_field_prefix: null,
  booking_tag_prefix: null,
  default_country: null,
};
const connection: ConnectionRow = {
  workspace_id: 'ws_1',
  location_id: 'loc_1',
  location_name: 'Downtown',
  location_country: 'US',
  credential_kind: 'api_key',
  paused_reason: null,
  api_key_ciphertext: 'x',
  api_key_key_id: 'k',
  api_key_preview: 'pit-…a1b2',
  scopes: [],
  connected_at: new Date('2026-01-02T00:00:00Z'),
  last_sync_at: null,
  last_checked_at: null,
  last_error: null,
};
const check = (results: ProbeResult[]): ConnectionCheck => ({
  location: { id: 'loc_1', name: 'Downtown', timezone: 'America/New_York' },
  results,
  verdict: connectionVerdict(results),
});
const r = (scope: string, verdict: ProbeResult['verdict'], label = scope): ProbeResult => ({
  scope,
  label,
  verdict,
});

describe('doctorReport', () => {
  it('says everything is in place when it is', () => {
    const { lines, healthy } = doctorReport(
      workspace,
      connection,
      check([r('locations.readonly', 'held'), r('contacts.write', 'held', 'write contacts')]),
    );
    expect(healthy).toBe(true);
    expect(lines).toEqual([
      'Workspace ws_1 "Spa" (features: bookings)',
      'GoHighLevel Location loc_1 "Downtown", key pit-…a1b2, connected 2026-01-02T00:00:00.000Z',
      '✓ HighLevel accepts the API key.',
      '✓ The key belongs to Location loc_1 (Downtown).',
      '✓ Can write contacts (contacts.write).',
      'Everything needed is in place.',
    ]);
  });

  it('names each missing scope and where to add it', () => {
    const { lines, healthy } = doctorReport(
      workspace,
      connection,
      check([r('locations.readonly', 'held'), r('contacts.write', 'missing', 'write contacts')]),
    );
    expect(healthy).toBe(false);
    expect(lines).toContain(
      '✗ Cannot write contacts (contacts.write): tick this scope on the Private Integration in HighLevel (Settings → Private Integrations); the key stays the same.',
    );
  });

  it('stops at a rejected key or a key of another Location', () => {
    expect(
      doctorReport(
        workspace,
        connection,
        check([r('locations.readonly', 'invalid_token')]),
      ).lines.at(-1),
    ).toMatch(/^✗ HighLevel rejects the API key/);
    expect(
      doctorReport(
        workspace,
        connection,
        check([r('locations.readonly', 'wrong_location')]),
      ).lines.at(-1),
    ).toMatch(
      /^✗ The key does not belong to Location loc_1. Copy the Location ID from Settings → Business Profile/,
    );
  });

  it('says how to connect when there is no connection', () => {
    const { lines, healthy } = doctorReport(workspace, undefined, undefined);
    expect(healthy).toBe(false);
    expect(lines[1]).toMatch(/^✗ Not connected to GoHighLevel. Connect it with PUT/);
  });

  const unanswered = (noAnswer: NoAnswer) => ({
    location: undefined,
    results: [
      { ...r('locations.readonly', 'unavailable'), noAnswer },
      { ...r('contacts.write', 'unavailable', 'write contacts'), noAnswer },
    ],
    verdict: connectionVerdict([r('locations.readonly', 'unavailable')]),
  });

  it('passes nothing HighLevel did not answer: an unknown host is named with what to check', () => {
    const { lines, healthy } = doctorReport(
      workspace,
      connection,
      unanswered({
        url: 'https://ghl.invalid/locations/loc_1',
        code: 'ENOTFOUND',
        timedOut: false,
      }),
      { highLevelBaseUrl: 'https://ghl.invalid' },
    );
    expect(healthy).toBe(false);
    expect(lines.slice(2)).toEqual([
      "✗ Could not reach HighLevel: the host name ghl.invalid was not found (DNS, ENOTFOUND). Check GHL_API_BASE_URL (now https://ghl.invalid), this machine's network and DNS, and any proxy or firewall between it and HighLevel.",
      '? Not checked: whether HighLevel accepts the API key (HighLevel was not reached).',
      '? Not checked: whether the key belongs to Location loc_1 (HighLevel was not reached).',
      '? Not checked: whether it can write contacts (contacts.write) (HighLevel was not reached).',
      'HighLevel could not be reached, so the connection was not checked; see above.',
    ]);
    expect(lines.join('\n')).not.toContain('✓');
  });

  it.each([
    [
      { code: 'ECONNREFUSED' },
      '127.0.0.1:4999 refused the connection (nothing listens there, ECONNREFUSED)',
    ],
    [
      { code: 'UND_ERR_CONNECT_TIMEOUT' },
      'the connection to 127.0.0.1:4999 timed out (UND_ERR_CONNECT_TIMEOUT)',
    ],
    [{ code: 'EHOSTUNREACH' }, '127.0.0.1:4999 is unreachable from this machine (EHOSTUNREACH)'],
    [
      { code: 'SELF_SIGNED_CERT_IN_CHAIN' },
      'the TLS certificate of 127.0.0.1:4999 was not accepted (SELF_SIGNED_CERT_IN_CHAIN)',
    ],
    [{ timedOut: true }, '127.0.0.1:4999 did not answer in time'],
    [{ detail: 'bad port' }, 'fetch refuses to connect to port 4999 of 127.0.0.1 (a blocked port)'],
  ])('says why HighLevel was not reached: %j', (cause, words) => {
    const noAnswer = {
      url: 'http://127.0.0.1:4999/locations/loc_1',
      code: undefined,
      timedOut: false,
      ...cause,
    };
    expect(unreachable(noAnswer)).toBe(
      `Could not reach HighLevel: ${words}. Check GHL_API_BASE_URL, this machine's network and DNS, and any proxy or firewall between it and HighLevel.`,
    );
  });

  it('passes the key only on an answer that judged it', () => {
    const answered = (verdict: ProbeResult['verdict']) =>
      doctorReport(workspace, connection, {
        ...check([r('locations.readonly', verdict)]),
        location: undefined,
      }).lines;
    expect(answered('unavailable')).toContain(
      '? Not checked: whether HighLevel accepts the API key (HighLevel did not answer clearly).',
    );
    expect(answered('wrong_location')).toContain('✓ HighLevel accepts the API key.');
  });
});
