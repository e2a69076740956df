/**
 * The Booking sync page in a real browser against the real server and the emulator: bookings of
 * two customers synced, a search that finds one customer's only, a booking's timeline with its
 * steps and their HighLevel calls, a version HighLevel refuses explained in words there and
 * retried, a backfill run's progress, and the page at a phone's width in dark mode.
 * `DASHBOARD_SCREENSHOTS=1` also writes docs/screenshots/booking-timeline.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingEventSchema } from '../../server/src/bookingSync/core/bookingEvent.js';
import { recordBooking } from '../../server/src/bookingSync/recordBooking.js';
import { bookingEvent, type BookingInput } from '../../server/test/bookings.js';
import { ADMIN_TOKEN, chromiumFor, startWorld, type World } from './browser.js';
import { accessibilityProblems, screenshot, signIn } from './pages.js';

describe.skipIf(!chromiumFor('booking sync'))(
  'the Booking sync page in Chromium',
  { timeout: 60_000 },
  () => {
    let world: World;
    let page: Page;
    let ws: string;
    let locationId: string;

    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${world.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const post = async (input: BookingInput) =>
      (await api('POST', `/v1/workspaces/${ws}/bookings`, bookingEvent(input))).status;
    const jobRows = () => page.locator('table.sync-jobs tbody tr');
    const row = (booking: string) => jobRows().filter({ hasText: booking });

    beforeAll(async () => {
      world = await startWorld();
      // axe-core runs inside the page; the page's own policy is checked over HTTP instead.
      page = await (await world.browser.newContext({ bypassCSP: true })).newPage();
      const created = await api('POST', '/v1/workspaces', { name: 'Harbor Spa' });
      ws = created.body.id as string;
      const location = world.emulator.control.createLocation({ name: 'Harbor Spa HQ' });
      locationId = location.locationId;
      const connected = await api('PUT', `/v1/workspaces/${ws}/integrations/gohighlevel`, {
        apiKey: location.token,
        locationId,
      });
      expect(connected.status).toBe(200);
    }, 60_000);

    afterAll(async () => {
      await world?.close();
    });

    it('lists the bookings of two customers and finds one customer by search', async () => {
      expect(await post({ id: 'bk_ada_1', email: 'ada@example.com' })).toBe(202);
      expect(await post({ id: 'bk_ada_2', email: 'ada@example.com' })).toBe(202);
      expect(
        await post({
          id: 'bk_grace_1',
          email: 'grace@example.com',
          phone: '+1 415 555 0132',
          firstName: 'Grace',
        }),
      ).toBe(202);
      await signIn(page, world, ADMIN_TOKEN);
      await page.getByRole('heading', { name: 'Workspaces' }).waitFor();
      await page.goto(`${world.url}/workspaces/${ws}/bookings`);
      for (const booking of ['bk_ada_1', 'bk_ada_2', 'bk_grace_1']) {
        await expect.poll(() => row(booking).textContent(), { timeout: 20_000 }).toContain('Done');
      }
      expect(await page.getByText('No backfill has run in this workspace').isVisible()).toBe(true);

      await page.getByLabel('Search').fill('(415) 555-0132');
      await expect
        .poll(() => jobRows().allTextContents(), { timeout: 10_000 })
        .toEqual([expect.stringContaining('grace@example.com')]);
      await page.getByLabel('Search').fill('ADA@');
      await expect
        .poll(async () => (await jobRows().allTextContents()).map((text) => text.slice(0, 40)), {
          timeout: 10_000,
        })
        .toEqual([expect.stringContaining('bk_ada_2'), expect.stringContaining('bk_ada_1')]);
      // The counts stay the workspace's, whatever the search.
      const counts = page.getByRole('list', { name: 'Jobs by state' });
      expect(await counts.textContent()).toContain('3 done');
      expect(await accessibilityProblems(page)).toEqual([]);

      await page.getByLabel('Search').fill('nobody@');
      await page.getByText('No jobs match “nobody@”').waitFor();
      await page.getByRole('button', { name: 'Clear search and filter' }).click();
      await expect.poll(() => jobRows().count(), { timeout: 10_000 }).toBe(3);
    });

    it("opens a booking's timeline: each step in words with its HighLevel calls", async () => {
      await page.getByLabel('Search').fill('grace');
      await row('bk_grace_1').getByRole('button', { name: 'Timeline of bk_grace_1' }).click();
      const dialog = page.getByRole('dialog', { name: 'Booking bk_grace_1' });
      await dialog.getByText('Sync jobs, oldest first').waitFor();
      const steps = dialog.getByRole('list', { name: 'Steps of version 1' });
      await expect
        .poll(() => steps.textContent(), { timeout: 10_000 })
        .toContain('Add the booking note');
      const text = await steps.textContent();
      expect(text).toContain('Create or update the contact');
      expect(text).toContain('POST /contacts/upsert');
      // Which job found the booking fields depends on which ran first: not checked here.
      expect(text).toContain('Add the booking tags');
      expect(text).toContain('POST /contacts/{contactId}/tags');
      expect(text).toContain('POST /contacts/{contactId}/notes');
      expect(await dialog.textContent()).toContain('Synced');
      expect(await accessibilityProblems(page)).toEqual([]);

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      // Focus is back on the booking that opened the timeline.
      expect(
        await page.evaluate<string | undefined>('document.activeElement?.textContent'),
      ).toContain('bk_grace_1');
    });

    it("shows why HighLevel refused a booking's new version in its timeline, and retries it", async () => {
      // Fault injection: HighLevel refuses every contact write of this Location for now.
      world.emulator.control.setFaults([
        { match: { locationId, path: '^/contacts' }, status: 422, count: 50 },
      ]);
      const moved = {
        id: 'bk_grace_1',
        version: 2,
        email: 'grace@example.com',
        firstName: 'Grace',
      };
      expect(await post({ ...moved, startsAt: '2026-12-02T10:00:00-05:00' })).toBe(202);
      await expect
        .poll(() => row('bk_grace_1 v2').textContent(), { timeout: 30_000 })
        .toContain('Failed');
      await row('bk_grace_1 v2').getByRole('button', { name: 'Timeline of bk_grace_1 v2' }).click();
      const dialog = page.getByRole('dialog', { name: 'Booking bk_grace_1' });
      await dialog.getByText('HighLevel rejected the contact data').waitFor();
      const failed = dialog.getByRole('listitem').filter({ hasText: 'Version 2' });
      const said = await failed.first().textContent();
      expect(said).toContain('Stopped: HighLevel refused the data');
      expect(said).toContain('Fix the booking and send it again, then retry this job.');
      expect(said).toContain('It stopped before any step was recorded as done.');
      // The first version's steps stay beside the failure.
      expect(
        await dialog.getByRole('list', { name: 'Steps of version 1' }).textContent(),
      ).toContain('POST /contacts/{contactId}/notes');
      expect(await accessibilityProblems(page)).toEqual([]);
      // Tall enough for the whole timeline, both versions, without scrolling the dialog.
      await page.setViewportSize({ width: 1280, height: 1500 });
      await screenshot(page, 'booking-timeline');
      await page.setViewportSize({ width: 1280, height: 720 });

      world.emulator.control.setFaults([]);
      await dialog.getByRole('button', { name: 'Retry version 2' }).click();
      await expect
        .poll(() => dialog.getByRole('list', { name: 'Steps of version 2' }).textContent(), {
          timeout: 20_000,
        })
        .toContain('Add the booking note');
      expect(await failed.first().textContent()).toContain('2 attempts');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect
        .poll(() => row('bk_grace_1 v2').textContent(), { timeout: 10_000 })
        .toContain('Done');
    });

    it("follows a backfill run's progress to its end", async () => {
      // What `ghl-bridge backfill` does for each line of its file; the command itself cannot open
      // the embedded database this server holds.
      const { database, queue } = world.runtime;
      for (const id of ['bk_old_1', 'bk_old_2', 'bk_old_3']) {
        const event = bookingEventSchema().parse(bookingEvent({ id, email: 'lin@example.com' }));
        await recordBooking(database.db, queue, ws, event, { backfillRun: 'bf_browser' });
      }
      const backfills = page.getByRole('region', { name: 'Backfills' });
      await expect
        .poll(() => backfills.textContent(), { timeout: 20_000 })
        .toContain('3 of 3 jobs done, 0 failed, finished');
      expect(await backfills.getByLabel(/Latest: bf_browser/).getAttribute('value')).toBe('3');
      expect(await accessibilityProblems(page)).toEqual([]);
    });

    it('fits a phone’s width, the job table scrolling on its own, and reads in dark mode', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.getByLabel('Search').fill('');
      await expect.poll(() => jobRows().count(), { timeout: 10_000 }).toBe(7);
      // A string: this file is typed without the DOM's names.
      const widths = await page.evaluate<{ page: number; table: number; region: number }>(`({
        page: document.documentElement.scrollWidth,
        table: document.querySelector('.table-scroll').scrollWidth,
        region: document.querySelector('.table-scroll').clientWidth,
      })`);
      expect(widths.page).toBeLessThanOrEqual(390);
      expect(widths.table).toBeGreaterThan(widths.region);
      expect(await accessibilityProblems(page)).toEqual([]);
    });
  },
);
