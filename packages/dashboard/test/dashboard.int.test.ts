/**
 * The dashboard in a real browser against the real server and the emulator on real ports: what
 * an operator and a workspace owner do, and what they see. `DASHBOARD_SCREENSHOTS=1` also
 * writes the README's screenshots (docs/screenshots/).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingEvent } from '../../server/test/bookings.js';
import { ADMIN_TOKEN, chromiumFor, startWorld, type World } from './browser.js';
import { accessibilityProblems, screenshot, signIn } from './pages.js';

// Each step waits on a browser, the server and its workers sharing a busy CI machine.
describe.skipIf(!chromiumFor('dashboard'))('the dashboard in Chromium', { timeout: 60_000 }, () => {
  let world: World;
  let page: Page;

  beforeAll(async () => {
    world = await startWorld();
    // axe-core runs inside the page; the page's own policy is checked over HTTP instead.
    page = await (await world.browser.newContext({ bypassCSP: true })).newPage();
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  it('refuses a wrong token in words, then signs the admin in', async () => {
    await signIn(page, world, 'not-the-token');
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('neither the admin token nor a current workspace API key');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'sign-in');

    await page.getByLabel('Admin token or workspace API key').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Workspaces' }).waitFor();
    expect(await page.getByText('No workspaces yet').isVisible()).toBe(true);
    const cookies = await page.context().cookies();
    expect(cookies.map(({ name, httpOnly, sameSite }) => ({ name, httpOnly, sameSite }))).toEqual([
      { name: 'ghl_bridge_session', httpOnly: true, sameSite: 'Strict' },
    ]);
    expect(await page.evaluate<string>('document.cookie')).toBe('');
  });

  let workspaceKey = '';
  let mine: { locationId: string; token: string };

  it('creates a workspace and shows its API key once', async () => {
    await page.getByRole('button', { name: 'New workspace' }).click();
    await page.getByLabel('Name').fill('Harbor Spa');
    await page.getByRole('button', { name: 'Create' }).click();
    workspaceKey = (await page.getByTestId('new-api-key').textContent()) ?? '';
    expect(workspaceKey).toMatch(/^ghlb_/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('link', { name: 'Harbor Spa' }).waitFor();
    expect(await page.content()).not.toContain(workspaceKey);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'workspaces');
  });

  it('connects GoHighLevel: wrong key and wrong sub-account explained inline, then connected', async () => {
    mine = world.emulator.control.createLocation({ name: 'Harbor Spa HQ' });
    const another = world.emulator.control.createLocation({ name: 'Somebody Else' });
    await page.getByRole('link', { name: 'Harbor Spa' }).click();
    await page.getByText('Not connected').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Connect' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect GoHighLevel' });
    await dialog.getByLabel('API key (Private Integration token)').fill('pit-wrong-key');
    await dialog.getByLabel('Location ID').fill(mine.locationId);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('HighLevel rejected this API key');
    expect(await accessibilityProblems(page)).toEqual([]);

    await dialog.getByLabel('API key (Private Integration token)').fill(another.token);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain(`Location ID ${mine.locationId} does not match this API key’s sub-account`);
    await screenshot(page, 'connect-error');

    await dialog.getByLabel('API key (Private Integration token)').fill(mine.token);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await page.getByText('Connected', { exact: true }).waitFor();
    expect(await page.getByText('Not connected').count()).toBe(0);
    expect(await page.getByTestId('masked-key').textContent()).toMatch(/…/);
    expect(await page.content()).not.toContain(mine.token);
    expect(await page.getByText(mine.locationId).count()).toBeGreaterThan(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'integration-connected');
  });

  it('tests the connection in the background and shows when it was checked', async () => {
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 20_000 })
      .toBe('Tested just now: HighLevel accepted the credentials.');
    expect(await page.getByRole('button', { name: 'Test connection' }).isEnabled()).toBe(true);
  });

  it('shows bookings synced, a failed one with the reason, and retries it', async () => {
    const ws = new URL(page.url()).pathname.split('/')[2]!;
    const post = (id: string, email: string) =>
      fetch(`${world.url}/v1/workspaces/${ws}/bookings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(bookingEvent({ id, email })),
      });
    expect((await post('bk_ok', 'ada@example.com')).status).toBe(202);
    await page.getByRole('link', { name: 'Booking sync' }).click();
    const row = (booking: string) => page.getByRole('row').filter({ hasText: booking });
    await expect.poll(() => row('bk_ok').textContent(), { timeout: 20_000 }).toContain('Done');

    // HighLevel refuses every contact write of this Location for now: the job fails, in words.
    world.emulator.control.setFaults([
      { match: { locationId: mine.locationId, path: '^/contacts' }, status: 422, count: 50 },
    ]);
    expect((await post('bk_refused', 'grace@example.com')).status).toBe(202);
    await expect
      .poll(() => row('bk_refused').textContent(), { timeout: 30_000 })
      .toContain('Failed');
    await page.getByLabel('Show').selectOption('failed');
    await expect.poll(() => page.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'booking-sync-failed');

    world.emulator.control.setFaults([]);
    await row('bk_refused').getByRole('button', { name: 'Retry' }).click();
    await page.getByLabel('Show').selectOption('');
    await expect.poll(() => row('bk_refused').textContent(), { timeout: 20_000 }).toContain('Done');
  });

  it("shows the Location's HighLevel requests against the limit, the queue and readiness", async () => {
    await page.getByRole('link', { name: 'Health' }).click();
    await page.getByRole('heading', { name: 'HighLevel requests' }).waitFor();
    // Every request HighLevel saw, counted by the bridge: none missing. All were made for this
    // Location ID (the mismatched key's checks too, which HighLevel files under its own).
    const seen = () => world.emulator.control.requests().length;
    const lastHour = page.getByRole('list', { name: 'Last hour' });
    await expect
      .poll(async () => (await lastHour.textContent())?.startsWith(`${seen()} requests`), {
        timeout: 20_000,
      })
      .toBe(true);
    expect(await lastHour.textContent()).toMatch(/\d+ \/ 100 busiest 10 s/);
    await page.locator('.chart canvas').first().waitFor();
    expect(await page.getByRole('list', { name: 'Sync jobs' }).textContent()).toContain(
      '0 failed, to retry',
    );
    await page.getByText('Ready', { exact: true }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'health');
    // Dark: the same page, its colours checked for contrast again.
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, 'health-dark');
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  it("fits a phone's width on every page", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      for (const tab of ['Integrations', 'Booking sync', 'Voice', 'Health']) {
        await page.getByRole('link', { name: tab, exact: true }).click();
        await page.waitForLoadState('networkidle');
        // Test files run in Node: the page's own expression, evaluated in the page.
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        );
        expect({ tab, overflow }).toEqual({ tab, overflow: 0 });
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it('disconnects after a confirmation that says what stops', async () => {
    await page.getByRole('link', { name: 'Integrations' }).click();
    await page.getByRole('button', { name: 'Disconnect' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disconnect GoHighLevel' });
    expect(await dialog.textContent()).toContain('nothing syncs to HighLevel');
    expect(await accessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('Not connected').waitFor();
    expect(await page.getByRole('button', { name: 'Connect' }).isVisible()).toBe(true);
  });

  it('gives a workspace a new API key: the old one stops working', async () => {
    await page.getByRole('link', { name: 'Workspaces' }).click();
    await page.getByRole('button', { name: 'New API key for Harbor Spa' }).click();
    const confirm = page.getByRole('dialog', { name: 'Replace API key' });
    expect(await confirm.textContent()).toContain('The current key stops working now');
    await confirm.getByRole('button', { name: 'Replace API key' }).click();
    const shown = page.getByRole('dialog', { name: 'New API key' });
    const newKey = (await shown.getByTestId('new-api-key').textContent()) ?? '';
    expect(newKey).toMatch(/^ghlb_/);
    expect(newKey).not.toBe(workspaceKey);
    expect(await accessibilityProblems(page)).toEqual([]);
    await shown.getByRole('button', { name: 'Done' }).click();
    const ws = world.runtime.app!;
    const old = await ws.request('/v1/session', {
      headers: { authorization: `Bearer ${workspaceKey}` },
    });
    expect(old.status).toBe(401);
    workspaceKey = newKey;
  });

  it('a workspace key opens its own workspace only', async () => {
    const other = await world.runtime.app!.request('/v1/workspaces', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Other Spa' }),
    });
    const { id: otherId } = (await other.json()) as { id: string };

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await signIn(page, world, workspaceKey);
    await page.getByRole('heading', { name: 'Harbor Spa' }).waitFor();
    expect(await page.getByRole('link', { name: 'Workspaces' }).count()).toBe(0);

    await page.goto(`${world.url}/workspaces/${otherId}`);
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), { timeout: 10_000 })
      .toContain('belongs to another workspace');
    const api = await page.evaluate(
      async (path) => (await fetch(path)).status,
      `/v1/workspaces/${otherId}`,
    );
    expect(api).toBe(403);
  });

  it('signs out everywhere after a confirmation', async () => {
    await page.goto(world.url);
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out everywhere' });
    expect(await dialog.textContent()).toContain('Every dashboard session of this workspace ends');
    await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const res = await page.evaluate(async () => (await fetch('/v1/session')).status);
    expect(res).toBe(401);
  });
});
