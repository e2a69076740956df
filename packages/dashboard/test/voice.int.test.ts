/**
 * The Voice page in a real browser against the real server and the emulator: an operator chooses
 * the calendar from the Location's own, is told in words what the server refuses, saves, hands
 * the setup to Vapi, and reads a call's audit trail after Vapi used a tool.
 * `DASHBOARD_SCREENSHOTS=1` also writes docs/screenshots/voice.png.
 */
import { readFile } from 'node:fs/promises';
import { weekdayCalendar } from '@ghl-bridge/emulator';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekdayAhead } from '../../server/test/voice.js';
import { ADMIN_TOKEN, chromiumFor, startWorld, type World } from './browser.js';
import { accessibilityProblems, screenshot, signIn } from './pages.js';

/** Calls the bridge's API as the operator. */
async function api(world: World, method: string, path: string, body?: unknown) {
  const res = await fetch(`${world.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}

/** The text of the downloaded assistant, from a click on its link. */
async function downloadedAssistant(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the assistant (JSON)' }).click(),
  ]);
  return readFile(await download.path(), 'utf8');
}

// Each step waits on a browser, the server and its workers sharing a busy CI machine.
describe.skipIf(!chromiumFor('voice page'))(
  'the Voice page in Chromium',
  { timeout: 60_000 },
  () => {
    let world: World;
    let page: Page;
    let ws: string;
    let calendarId: string;
    let secret: string;

    beforeAll(async () => {
      world = await startWorld();
      // axe-core runs inside the page; the page's own policy is checked over HTTP instead.
      page = await (await world.browser.newContext({ bypassCSP: true })).newPage();
      const { control } = world.emulator;
      const { locationId, token } = control.createLocation({
        name: 'Harbor Spa HQ',
        timezone: 'America/New_York',
      });
      const owner = control.createUser(locationId, { firstName: 'Olive', lastName: 'Owner' });
      calendarId = control.createCalendar(locationId, weekdayCalendar(owner.id)).id;
      ws = (await api(world, 'POST', '/v1/workspaces', { name: 'Harbor Spa', features: ['voice'] }))
        .id as string;
      await api(world, 'PUT', `/v1/workspaces/${ws}/integrations/gohighlevel`, {
        apiKey: token,
        locationId,
      });
    }, 60_000);

    afterAll(async () => {
      await world?.close();
    });

    it('says to connect GoHighLevel first while the workspace is not connected', async () => {
      const other = await api(world, 'POST', '/v1/workspaces', { name: 'Unconnected Spa' });
      await signIn(page, world, ADMIN_TOKEN);
      await page.getByRole('link', { name: 'Unconnected Spa' }).click();
      await page.getByRole('link', { name: 'Voice' }).click();
      await page.getByText('Not connected yet: connect GoHighLevel first').waitFor();
      expect(page.url()).toBe(`${world.url}/workspaces/${other.id as string}/voice`);
      expect(await page.getByLabel('HighLevel calendar').count()).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);
    });

    it("offers the Location's calendars and says the agent is not set up yet", async () => {
      await page.getByRole('link', { name: 'Workspaces' }).click();
      await page.getByRole('link', { name: 'Harbor Spa' }).click();
      await page.getByRole('link', { name: 'Voice' }).click();
      await page.getByText('Not set up yet').waitFor();
      const calendar = page.getByLabel('HighLevel calendar');
      await expect
        .poll(() => calendar.locator('option').allTextContents(), { timeout: 10_000 })
        .toContain('Consultation, 30 min');
      expect(await page.getByText('No calls yet').isVisible()).toBe(true);
      expect(await accessibilityProblems(page)).toEqual([]);
    });

    it('shows what the server refuses next to the field, in words', async () => {
      await page.getByLabel('HighLevel calendar').selectOption(calendarId);
      await page.getByLabel('Timezone').fill('America/New_York');
      await page.getByLabel('Minimum notice (minutes)').fill('0');
      await page.getByLabel('Closes').fill('08:00');
      await page.getByRole('button', { name: 'Generate a new secret' }).click();
      secret = (await page.getByTestId('new-secret').textContent()) ?? '';
      expect(secret).toMatch(/^[\w-]{43}$/);
      await page.getByRole('button', { name: 'Save settings' }).click();

      const closes = page.getByLabel('Closes');
      await expect.poll(() => closes.getAttribute('aria-invalid')).toBe('true');
      const errorId = (await closes.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`#${errorId}`).textContent()).toBe(
        'expected the end after the start (hours past midnight belong to the next day)',
      );
      // Focus goes to the field to fix (test files run in Node: the page's own expression is
      // evaluated in the page); the summary names the field in the form's words.
      const closesId = await closes.getAttribute('id');
      await expect.poll(() => page.evaluate<string>('document.activeElement.id')).toBe(closesId);
      expect(await page.getByRole('alert').textContent()).toContain('Working hours 1, closes');
      expect(await accessibilityProblems(page)).toEqual([]);
    });

    it('saves valid settings, and the download carries the secret just saved', async () => {
      await page.getByLabel('Closes').fill('17:00');
      await page.getByRole('button', { name: 'Add hours' }).click();
      await page.getByRole('group', { name: 'Days of hours 2' }).getByLabel('Saturday').check();
      await page.getByLabel('Opens').nth(1).fill('10:00');
      await page.getByLabel('Closes').nth(1).fill('14:00');
      await page.getByLabel('Add a date').fill('2026-12-25');
      await page.getByRole('button', { name: 'Add date' }).click();
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect
        .poll(() => page.getByRole('status').textContent(), { timeout: 10_000 })
        .toMatch(/^Saved at /);
      expect(await page.getByTestId('new-secret').count()).toBe(0);

      const serverUrl = `${world.url}/v1/workspaces/${ws}/voice/vapi`;
      expect(await page.getByTestId('vapi-server-url').textContent()).toBe(serverUrl);
      const assistant = await downloadedAssistant(page);
      expect(assistant).toContain(`"url": "${serverUrl}"`);
      expect(assistant).toContain(`"Authorization": "Bearer ${secret}"`);
    });

    it('keeps the settings across a reload, the secret masked', async () => {
      await page.reload();
      const calendar = page.getByLabel('HighLevel calendar');
      await expect.poll(() => calendar.inputValue(), { timeout: 10_000 }).toBe(calendarId);
      expect(await page.getByLabel('Timezone').inputValue()).toBe('America/New_York');
      expect(await page.getByLabel('Minimum notice (minutes)').inputValue()).toBe('0');
      expect(await page.getByLabel('Closes').nth(1).inputValue()).toBe('14:00');
      const blackouts = page.getByRole('list', { name: 'Blackout dates' });
      expect(await blackouts.locator('time').getAttribute('datetime')).toBe('2026-12-25');
      expect(await page.getByText(`••••${secret.slice(-4)}`).count()).toBeGreaterThan(0);
      expect(await page.getByLabel('Secret', { exact: true }).inputValue()).toBe('');
      expect(await page.content()).not.toContain(secret);
      // The secret is not known to the page any more: the download asks for it instead.
      expect(await downloadedAssistant(page)).toContain(
        '"Authorization": "Bearer YOUR_VOICE_SECRET"',
      );

      // A rule changed with the secret left empty: saved, and the stored secret kept (the tool
      // call below authenticates with it).
      await page.getByLabel('Minimum notice (minutes)').fill('5');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect
        .poll(() => page.getByRole('status').textContent(), { timeout: 10_000 })
        .toMatch(/^Saved at /);
      expect(await page.getByText(`••••${secret.slice(-4)}`).count()).toBeGreaterThan(0);
    });

    it('shows a Vapi tool call and its audit trail', async () => {
      const res = await fetch(`${world.url}/v1/workspaces/${ws}/voice/vapi`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          message: {
            type: 'tool-calls',
            call: { id: 'call_dashboard', customer: { number: '+14155550100' } },
            toolCallList: [
              {
                id: 'tc_check',
                type: 'function',
                function: {
                  name: 'check_availability',
                  arguments: JSON.stringify({ date: weekdayAhead(2) }),
                },
              },
            ],
          },
        }),
      });
      expect(res.status).toBe(200);

      const row = page.getByRole('row').filter({ hasText: 'call_dashboard' });
      await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain('Times offered');
      expect(await row.textContent()).toContain('Check availability');
      await row.getByRole('button', { name: /Audit trail/ }).click();
      const audit = page.getByRole('region', { name: /Audit trail of call/ });
      await expect
        .poll(() => audit.textContent(), { timeout: 10_000 })
        .toContain('The caller heard');
      const trail = (await audit.textContent()) ?? '';
      expect(trail).toContain(weekdayAhead(2));
      expect(trail).toMatch(/GET \/calendars\/[^ ]*free-slots/);
      expect(trail).toContain('HTTP 200');
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, 'voice');
    });

    it('fits a phone, in light and dark', async () => {
      await page.setViewportSize({ width: 375, height: 800 });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        );
        expect({ colorScheme, overflow }).toEqual({ colorScheme, overflow: 0 });
        expect(await accessibilityProblems(page)).toEqual([]);
      }
    });
  },
);
