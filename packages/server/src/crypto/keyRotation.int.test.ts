/**
 * Rotating the secret key the stored credentials are encrypted with, as an operator does it:
 * the new key current and the old one previous on every process, `rekey`, then the old key
 * removed. And what a deployment shows when the old key is removed too early.
 */
import { expect, it } from 'vitest';
import { connectedWorkspace } from '../../test/bookings.js';
import { describeOnBackends, SECRET_KEY, type TestServer } from '../../test/harness.js';
import { toolCall, vapi, voiceWorkspace, weekdayAhead, type Voice } from '../../test/voice.js';
import { waitFor } from '../../test/waitFor.js';
import { keyId } from './keyring.js';
import { rekeyCredentials } from './storedCredentials.js';

const OLD_KEY = SECRET_KEY;
const NEW_KEY = Buffer.alloc(32, 0x6b).toString('base64');
const OLD_KEY_ID = keyId(Buffer.from(OLD_KEY, 'base64'));
const NEW_KEY_ID = keyId(Buffer.from(NEW_KEY, 'base64'));

/** A Vapi tool call: it needs both credentials a voice workspace stores (API key, Vapi secret). */
async function availability(s: TestServer, voice: Voice) {
  return vapi(s, voice, [toolCall('check_availability', { date: weekdayAhead(3) })]);
}

async function details(s: TestServer, ws: string) {
  return (await s.call('GET', `/v1/workspaces/${ws}/integrations/gohighlevel`)).body;
}

describeOnBackends('secret key rotation', (server) => {
  it('finishes: rekey moves every credential to the new key, and the old key can go', async () => {
    const s = server();
    const voice = await voiceWorkspace(s);
    await s.restart({ GHL_BRIDGE_SECRET_KEY: NEW_KEY, GHL_BRIDGE_PREVIOUS_SECRET_KEYS: OLD_KEY });
    // Mid-rotation everything still works, read with the previous key.
    expect((await s.call('GET', '/readyz', { token: null })).status).toBe(200);
    expect((await availability(s, voice)).parsed[0]!.status).toBe('ok');

    const { db } = s.runtime.database;
    const dryRun = await rekeyCredentials(db, s.runtime.secrets.keyring, { dryRun: true });
    expect(dryRun).toMatchObject({ reencrypted: 2, undecryptable: [] });
    const report = await rekeyCredentials(db, s.runtime.secrets.keyring);
    expect(report).toEqual({
      currentKeyId: NEW_KEY_ID,
      reencrypted: 2,
      changedMeanwhile: 0,
      undecryptable: [],
    });
    // Idempotent: a second run finds nothing left to do.
    expect((await rekeyCredentials(db, s.runtime.secrets.keyring)).reencrypted).toBe(0);

    await s.restart({ GHL_BRIDGE_SECRET_KEY: NEW_KEY });
    expect((await s.call('GET', '/readyz', { token: null })).body.checks).toMatchObject({
      credentials: 'ok',
    });
    expect(await details(s, voice.ws)).toMatchObject({ status: 'connected', lastError: null });
    expect((await availability(s, voice)).parsed[0]!.status).toBe('ok');
  });

  it('removed too early: the details say needs_attention, /readyz is not ready, syncs fail saying what to do', async () => {
    const s = server();
    // The tests share one database: these credentials go under the old key, the earlier ones'
    // stay readable under the new one.
    await s.restart({ GHL_BRIDGE_SECRET_KEY: OLD_KEY, GHL_BRIDGE_PREVIOUS_SECRET_KEYS: NEW_KEY });
    const voice = await voiceWorkspace(s);
    const booking = await connectedWorkspace(s);
    await s.restart({ GHL_BRIDGE_SECRET_KEY: NEW_KEY });

    const view = await details(s, booking.id);
    expect(view.status).toBe('needs_attention');
    expect(view.lastError).toContain(`secret key ${OLD_KEY_ID}, which is not configured`);
    const ready = await s.call('GET', '/readyz', { token: null });
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: 'not_ready',
      checks: { database: 'ok', queue: 'ok', credentials: 'undecryptable' },
      undecryptable: { count: 3, keyIds: [OLD_KEY_ID] },
    });

    expect((await booking.post({ id: 'bk_1' })).status).toBe(202);
    const [job] = await booking.idle();
    expect(job).toMatchObject({ status: 'failed' });
    expect(job!.reason).toContain('cannot be decrypted');
    // The Vapi secret cannot be read either: not the caller's fault, so not a 401.
    const call = await availability(s, voice);
    expect(call.res.status).toBe(503);
    expect(JSON.parse(call.res.text)).toMatchObject({ error: { code: 'credentials_unreadable' } });

    // Putting the old key back as a previous key heals it; the failed job goes on once retried.
    await s.restart({ GHL_BRIDGE_SECRET_KEY: NEW_KEY, GHL_BRIDGE_PREVIOUS_SECRET_KEYS: OLD_KEY });
    expect((await s.call('GET', '/readyz', { token: null })).status).toBe(200);
    const retry = await s.call('POST', `/v1/workspaces/${booking.id}/sync-jobs/${job!.id}/retry`);
    expect(retry.status).toBe(202);
    await waitFor(async () => (await booking.idle())[0]!.status === 'done', {
      what: 'the retried sync job to finish',
    });
    expect(booking.contacts()).toHaveLength(1);
    expect(await details(s, booking.id)).toMatchObject({ status: 'connected', lastError: null });
  });

  it('a key HighLevel refuses turns the details to needs_attention', async () => {
    const s = server();
    const booking = await connectedWorkspace(s);
    s.emulator.control.revokeToken(booking.token);
    expect((await booking.post({ id: 'bk_1' })).status).toBe(202);
    const [job] = await booking.idle();
    expect(job!.status).toBe('failed');
    const view = await details(s, booking.id);
    expect(view.status).toBe('needs_attention');
    expect(view.lastError).toContain('HighLevel refused the stored API key');
  });

  it('a sync that goes through clears a credential failure recorded earlier', async () => {
    const s = server();
    const booking = await connectedWorkspace(s);
    // As left by a refusal HighLevel has since taken back (a token restored in HighLevel).
    await s.runtime.database.db
      .updateTable('gohighlevel_connections')
      .set({ last_error: 'HighLevel refused the stored API key' })
      .where('workspace_id', '=', booking.id)
      .execute();
    expect((await details(s, booking.id)).status).toBe('needs_attention');
    expect((await booking.post({ id: 'bk_1' })).status).toBe(202);
    expect((await booking.idle())[0]!.status).toBe('done');
    expect(await details(s, booking.id)).toMatchObject({ status: 'connected', lastError: null });
  });
});
