/**
 * The dashboard in a real browser against the real server and the emulator on real ports: what
 * an operator and a workspace owner do, and what they see. `DASHBOARD_SCREENSHOTS=1` also
 * writes the README's screenshots (docs/screenshots/).
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingEvent } from '../../server/test/bookings.js';
import { ADMIN_TOKEN, CHROMIUM, chromiumInstalled, startWorld, type World } from './browser.js';

// CI installs Chromium; a machine without it says so rather than passing silently.
if (!chromiumInstalled && process.env.CI) throw new Error(`No Chromium at ${CHROMIUM}`);
if (!chromiumInstalled) console.warn(`dashboard browser tests skipped: no Chromium at ${CHROMIUM}`);

const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

async function screenshot(page: Page, name: string) {
  if (!process.env.DASHBOARD_SCREENSHOTS) return;
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** axe-core's serious and critical findings on the page as it is now. */
async function accessibilityProblems(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function signIn(page: Page, world: World, token: string) {
  await page.goto(world.url);
  await page.getByLabel('Admin token or workspace API key').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

// Each step waits on a browser, the server and its workers sharing a busy CI machine.
describe.skipIf(!chromiumInstalled)('the dashboard in Chromium', { timeout: 60_000 }, () => {
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
      .toBe('Tested just now: HighLevel accepted the key.');
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

  it('disconnects after a confirmation that says what stops', async () => {
    await page.getByRole('button', { name: 'Disconnect' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disconnect GoHighLevel' });
    expect(await dialog.textContent()).toContain('nothing syncs to HighLevel');
    expect(await accessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('Not connected').waitFor();
    expect(await page.getByRole('button', { name: 'Connect' }).isVisible()).toBe(true);
  });

  it('a workspace key opens its own workspace only', async () => {
    const other = await world.runtime.app!.request('/v1/workspaces', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Other Spa' }),
    });
    const { id: otherId } = (await other.json()) as { id: string };

    await page.getByRole('button', { name: 'Sign out' }).click();
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
});
