import { emulatorFetch } from '@ghl-bridge/emulator';
import { expect, it } from 'vitest';
import { bookingEvent, syncJobs } from '../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../test/harness.js';
import {
  deliver,
  settledWebhook,
  signingKeys,
  webhookEvent,
} from '../../test/highlevelWebhooks.js';
import { waitFor } from '../../test/waitFor.js';

const BRIDGE = 'http://bridge.test';
const trusted = signingKeys();

interface InstallResult {
  userType: string;
  companyId: string | null;
  locations: { locationId: string; name: string | null }[];
  resumedWorkspaceIds: string[];
  connected: { workspaceId: string; locationId: string; status: string } | null;
}

/** Registers a marketplace app in the emulator and restarts the bridge configured with it. */
async function withApp(server: TestServer) {
  const app = server.emulator.control.registerApp({
    name: 'Bridge',
    redirectUri: `${BRIDGE}/v1/oauth/callback`,
  });
  await server.restart({
    GHL_OAUTH_CLIENT_ID: app.clientId,
    GHL_OAUTH_CLIENT_SECRET: app.clientSecret,
    GHL_OAUTH_AUTHORIZE_URL: 'http://ghl.test/oauth/chooselocation',
    GHL_BRIDGE_PUBLIC_URL: BRIDGE,
    GHL_WEBHOOK_PUBLIC_KEYS: trusted.publicPem,
  });
  return app;
}

/**
 * What a person does in the browser: opens the install link, picks `choice` on HighLevel's
 * chooser (`companyId=…` or `locationId=…`), and lands back on the bridge.
 */
async function installThroughBrowser(
  server: TestServer,
  choice: string,
  query = '',
): Promise<InstallResult> {
  const start = await server.call('GET', `/v1/oauth/install${query}`);
  expect(start.status, start.text).toBe(302);
  const chooser = new URL(start.headers.get('location')!);
  expect(chooser.searchParams.get('redirect_uri')).toBe(`${BRIDGE}/v1/oauth/callback`);
  const ghl = emulatorFetch(server.emulator);
  const page = await (await ghl(chooser.toString())).text();
  const link = [...page.matchAll(/href="([^"]+)"/g)]
    .map((m) => m[1]!.replaceAll('&#38;', '&'))
    .find((href) => href.includes(choice));
  expect(link, `a link for ${choice} on ${page}`).toBeDefined();
  const approved = await ghl(new URL(link!, chooser).toString(), { redirect: 'manual' });
  expect(approved.status).toBe(302);
  const back = new URL(approved.headers.get('location')!);
  expect(back.origin).toBe(BRIDGE);
  expect(back.searchParams.get('state')).toBe(chooser.searchParams.get('state'));
  const done = await server.call('GET', `${back.pathname}${back.search}`, {
    token: null,
    headers: { accept: 'application/json' },
  });
  expect(done.status, done.text).toBe(200);
  return JSON.parse(done.text) as InstallResult;
}

async function post(server: TestServer, workspaceId: string, id: string, email: string) {
  const res = await server.call('POST', `/v1/workspaces/${workspaceId}/bookings`, {
    json: bookingEvent({ id, email }),
  });
  expect(res.status, res.text).toBe(202);
}

function jobStatus(server: TestServer, workspaceId: string, want: string) {
  return waitFor(
    async () => {
      const jobs = await syncJobs(server, workspaceId);
      return jobs.length > 0 && jobs.every((j) => j.status === want) && jobs;
    },
    { timeoutMs: 25_000, what: `every sync job of ${workspaceId} ${want}` },
  );
}

describeOnBackends('the HighLevel app installed on an agency', (server) => {
  it('connects three workspaces by choosing Locations, syncs each, pauses them on uninstall and resumes on reinstall', async () => {
    const app = await withApp(server());
    const control = server().emulator.control;
    const { companyId } = control.createCompany({ name: 'Glow Agency' });
    const locations = ['Downtown', 'Uptown', 'Harbor'].map(
      (name) => control.createLocation({ name, companyId }).locationId,
    );

    const installed = await installThroughBrowser(server(), `companyId=${companyId}`);
    expect(installed.userType).toBe('Company');
    expect(installed.locations.map((l) => l.locationId).sort()).toEqual([...locations].sort());

    const listed = await server().call('GET', '/v1/oauth/locations');
    expect(listed.status).toBe(200);
    const choices = (
      JSON.parse(listed.text) as {
        locations: { locationId: string; installedVia: string; name: string }[];
      }
    ).locations;
    expect(choices.map((l) => l.name)).toEqual(['Downtown', 'Harbor', 'Uptown']);
    expect(new Set(choices.map((l) => l.installedVia))).toEqual(new Set(['agency']));

    const workspaces: string[] = [];
    for (const [i, locationId] of locations.entries()) {
      const { id } = await server().createWorkspace(`Spa ${i}`);
      const res = await server().call('PUT', `/v1/workspaces/${id}/integrations/gohighlevel`, {
        json: { locationId },
      });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ status: 'connected', locationId, apiKeyPreview: null });
      expect((JSON.parse(res.text) as { auth: string }).auth).toBe('oauth');
      workspaces.push(id);
      await post(server(), id, `b_${i}`, `guest${i}@example.com`);
    }
    for (const [i, id] of workspaces.entries()) {
      await jobStatus(server(), id, 'done');
      const contacts = control.locationState(locations[i]!).contacts;
      expect(contacts.map((c) => c.email)).toEqual([`guest${i}@example.com`]);
    }
    // The agency's token minted one Location token per Location, not one per job.
    const mints = control.requests({}).filter((r) => r.path === '/oauth/locationToken');
    expect(mints.length).toBe(3);

    // The agency removes the app: every connection through it pauses, and says why.
    control.uninstallApp(app.appId, { companyId });
    const uninstall = webhookEvent({ type: 'UNINSTALL', appId: app.appId, companyId });
    expect((await deliver(server(), uninstall, trusted)).status).toBe(200);
    await settledWebhook(server(), uninstall.webhookId as string);
    for (const [i, id] of workspaces.entries()) {
      const view = await server().call('GET', `/v1/workspaces/${id}/integrations/gohighlevel`);
      const body = JSON.parse(view.text) as { status: string; pausedReason: string | null };
      expect(body.status).toBe('needs_attention');
      expect(body.pausedReason).toMatch(/uninstalled/);
      await post(server(), id, `b_${i}_2`, `guest${i}@example.com`);
    }
    const before = control.requests({}).length;
    for (const id of workspaces) {
      const jobs = await waitFor(
        async () => {
          const all = await syncJobs(server(), id, 'paused');
          return all.length === 1 && all;
        },
        { what: `a paused job in ${id}` },
      );
      expect(jobs[0]!.reason).toMatch(/Install the app again/);
    }
    // Paused jobs wait: they spend nothing of the Locations' budgets.
    expect(control.requests({}).length).toBe(before);

    // Installed again: the paused jobs go.
    const again = await installThroughBrowser(server(), `companyId=${companyId}`);
    expect(again.resumedWorkspaceIds.sort()).toEqual([...workspaces].sort());
    for (const id of workspaces) await jobStatus(server(), id, 'done');
  });

  it("adds a Location the agency installs the app on later, told by HighLevel's INSTALL", async () => {
    const app = await withApp(server());
    const control = server().emulator.control;
    const { companyId } = control.createCompany({ name: 'Growing Agency' });
    control.createLocation({ name: 'First', companyId });
    await installThroughBrowser(server(), `companyId=${companyId}`);
    const { locationId } = control.createLocation({ name: 'Opened Later', companyId });
    control.installApp(app.appId, { companyId, locationIds: [locationId] });
    const install = webhookEvent({ type: 'INSTALL', appId: app.appId, companyId, locationId });
    expect((await deliver(server(), install, trusted)).status).toBe(200);
    await settledWebhook(server(), install.webhookId as string);

    const listed = await server().call('GET', '/v1/oauth/locations');
    const ids = (JSON.parse(listed.text) as { locations: { locationId: string }[] }).locations;
    expect(ids.map((l) => l.locationId)).toContain(locationId);
    const { id } = await server().createWorkspace('Later');
    const res = await server().call('PUT', `/v1/workspaces/${id}/integrations/gohighlevel`, {
      json: { locationId },
    });
    expect(res.status, res.text).toBe(200);
    await post(server(), id, 'b_later', 'later@example.com');
    await jobStatus(server(), id, 'done');
  });

  it('connects the workspace an install link names, for a sub-account install', async () => {
    await withApp(server());
    const { locationId } = server().emulator.control.createLocation({ name: 'Solo Spa' });
    const { id } = await server().createWorkspace('Solo');
    const done = await installThroughBrowser(
      server(),
      `locationId=${locationId}`,
      `?workspace=${id}`,
    );
    expect(done).toMatchObject({
      userType: 'Location',
      locations: [{ locationId, name: 'Solo Spa' }],
      connected: { workspaceId: id, locationId, status: 'connected' },
    });
    await post(server(), id, 'b_solo', 'solo@example.com');
    await jobStatus(server(), id, 'done');
  });

  it('refuses a forged or reused install', async () => {
    await withApp(server());
    const forged = await server().call('GET', '/v1/oauth/callback?code=abc&state=e30.c2ln', {
      token: null,
      headers: { accept: 'application/json' },
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error?.code).toBe('invalid_state');
    const html = await server().call('GET', '/v1/oauth/callback?code=nope', {
      token: null,
      headers: { accept: 'text/html' },
    });
    expect(html.status).toBe(400);
    expect(html.text).toMatch(/used already or has expired/);
    const notInstalled = await server().call(
      'PUT',
      `/v1/workspaces/${(await server().createWorkspace()).id}/integrations/gohighlevel`,
      {
        json: { locationId: 'loc_not_installed' },
      },
    );
    expect(notInstalled.status).toBe(422);
    expect(notInstalled.body.error?.code).toBe('not_installed');
  });
});
