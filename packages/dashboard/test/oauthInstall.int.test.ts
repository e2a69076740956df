/**
 * Installing the HighLevel app from the dashboard, in a real browser: the Integrations page's
 * link goes through the emulator's location chooser (served on its own port, as HighLevel's is)
 * and back to the workspace; the Connect dialog then offers the agency's installed Locations; the
 * connection says it goes through the app, and after an uninstall it says it is paused and why.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, chromiumFor, startWorld, type World } from './browser.js';
import { accessibilityProblems, screenshot, signIn } from './pages.js';

describe.skipIf(!chromiumFor('app install'))(
  'installing the HighLevel app from the dashboard',
  { timeout: 60_000 },
  () => {
    let world: World;
    let page: Page;
    let ws: string;
    let app: { appId: string };
    let companyId: string;
    let locationId: string;

    beforeAll(async () => {
      world = await startWorld((emulator, highLevelUrl) => {
        const registered = emulator.control.registerApp({ name: 'Harbor Bridge' });
        app = registered;
        const keys = emulator.control.webhookKeys();
        return {
          GHL_OAUTH_CLIENT_ID: registered.clientId,
          GHL_OAUTH_CLIENT_SECRET: registered.clientSecret,
          GHL_OAUTH_AUTHORIZE_URL: `${highLevelUrl}/oauth/chooselocation`,
          // The emulator signs its webhooks with its own keys, as HighLevel does with its.
          GHL_WEBHOOK_PUBLIC_KEYS: keys.ed25519 + keys.rsa,
        };
      });
      // The app's webhooks (INSTALL, UNINSTALL) go to the bridge, as its developer sets them.
      world.emulator.control.updateApp(app.appId, {
        webhookUrl: `${world.url}/v1/webhooks/highlevel`,
      });
      companyId = world.emulator.control.createCompany({ name: 'Harbor Agency' }).companyId;
      locationId = world.emulator.control.createLocation({
        name: 'Harbor Spa HQ',
        companyId,
      }).locationId;
      world.emulator.control.createLocation({ name: 'Harbor Spa West', companyId });
      const res = await fetch(`${world.url}/v1/workspaces`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Harbor Spa' }),
      });
      ws = ((await res.json()) as { id: string }).id;
      page = await (await world.browser.newContext({ bypassCSP: true })).newPage();
      await signIn(page, world, ADMIN_TOKEN);
      await page.getByRole('link', { name: 'Harbor Spa' }).click();
      await page.getByText('Not connected').waitFor();
    });

    afterAll(async () => {
      await world?.close();
    });

    it('installs the app on the agency and connects by choosing one of its Locations', async () => {
      await page.getByRole('button', { name: 'Connect' }).click();
      const dialog = page.getByRole('dialog', { name: 'Connect GoHighLevel' });
      await dialog
        .getByLabel('The HighLevel app, installed on the sub-account or its agency')
        .check();
      await dialog.getByText('The app is not installed on any Location yet.').waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);

      // Off to HighLevel's chooser, pick the agency, and back to this workspace.
      await dialog.getByRole('link', { name: 'Install the HighLevel app' }).click();
      await page.getByRole('link', { name: /Agency: Harbor Agency/ }).click();
      await page.waitForURL(`${world.url}/workspaces/${ws}`);

      await page.getByRole('button', { name: 'Connect' }).click();
      await dialog
        .getByLabel('The HighLevel app, installed on the sub-account or its agency')
        .check();
      const choice = dialog.getByLabel('Installed Location');
      expect(await choice.locator('option').allTextContents()).toEqual([
        `Harbor Spa HQ (${locationId}) · through its agency`,
        expect.stringMatching(/^Harbor Spa West \(.+\) · through its agency$/),
      ]);
      await choice.selectOption(locationId);
      await screenshot(page, 'connect-installed-location');
      await dialog.getByRole('button', { name: 'Connect' }).click();
      await page.getByText('Connected', { exact: true }).waitFor();
      await page.getByText('The HighLevel app installed on the Location').waitFor();
      expect(await page.getByText(locationId).count()).toBeGreaterThan(0);
      expect(await accessibilityProblems(page)).toEqual([]);
    });

    it('shows the connection paused, and why, once the agency uninstalls the app', async () => {
      // HighLevel's UNINSTALL webhook reaches the bridge, which pauses the connection.
      world.emulator.control.uninstallApp(app.appId, { companyId });
      await page.getByText('Needs attention').waitFor({ timeout: 20_000 });
      const paused = page.getByRole('alert').filter({ hasText: 'uninstalled' });
      await paused.waitFor();
      expect(
        await paused.getByRole('link', { name: 'Install the HighLevel app again' }).count(),
      ).toBe(1);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, 'connection-paused');
    });
  },
);
