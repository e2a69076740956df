/**
 * What every browser test of the dashboard does: sign in, ask axe-core for serious and critical
 * accessibility problems, and (with `DASHBOARD_SCREENSHOTS=1`) write a screenshot for the docs.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { World } from './browser.js';

const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** Writes docs/screenshots/`name`.png when DASHBOARD_SCREENSHOTS is set. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.DASHBOARD_SCREENSHOTS) return;
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** axe-core's serious and critical findings on the page as it is now. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Signs in on the sign-in page with `token` (the admin token or a workspace API key). */
export async function signIn(page: Page, world: World, token: string): Promise<void> {
  await page.goto(world.url);
  await page.getByLabel('Admin token or workspace API key').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
