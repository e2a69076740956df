import { describe, expect, it } from 'vitest';
import type { ConnectionCheck } from '../gohighlevel/checkConnection.js';
import type { ConnectionRow } from '../gohighlevel/connectionStore.js';
import { connectionVerdict, type ProbeResult } from '../gohighlevel/scopeChecks.js';
import type { WorkspaceRow } from '../workspaces/workspaceStore.js';
import { doctorReport } from './doctorReport.js';

const workspace: WorkspaceRow = {
  id: 'ws_1',
  name: 'Spa',
  api_key_hash: 'h',
  features: ['bookings'],
  created_at: new Date('2026-01-01T00:00:00Z'),
  booking_field_prefix: null,
  booking_tag_prefix: null,
};
const connection: ConnectionRow = {
  workspace_id: 'ws_1',
  location_id: 'loc_1',
  location_name: 'Downtown',
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
});
