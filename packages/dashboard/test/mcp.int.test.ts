/**
 * The AI agents page in a real browser against the real server and the emulator: an operator
 * copies the MCP endpoint, gives an agent a client with an allowlist (told in words what the
 * server refuses, beside the tool it names), copies its token the one time it is shown, reads
 * the calls the agent made in the audit trail, and revokes the client.
 * `DASHBOARD_SCREENSHOTS=1` also writes docs/screenshots/mcp.png.
 */
import { weekdayCalendar } from '@ghl-bridge/emulator';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NY, VAPI_SECRET, weekdayAhead } from '../../server/test/voice.js';
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

/** The parts of a JSON-RPC answer (or of the bridge's refusal) the tests read. */
interface Answer {
  result?: { isError?: boolean };
  error?: { code?: number | string };
}

/** What an agent sends: one JSON-RPC request to the workspace's MCP endpoint with its token. */
async function mcp(world: World, ws: string, token: string, method: string, params?: unknown) {
  const res = await fetch(`${world.url}/v1/workspaces/${ws}/mcp`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

// Each step waits on a browser, the server and its workers sharing a busy CI machine.
describe.skipIf(!chromiumFor('AI agents page'))(
  'the AI agents page in Chromium',
  { timeout: 60_000 },
  () => {
    let world: World;
    let page: Page;
    let ws: string;
    let token: string;
    const dialog = () => page.getByRole('dialog', { name: 'New MCP client' });
    const tool = (name: string | RegExp) =>
      dialog().getByRole('checkbox', typeof name === 'string' ? { name, exact: true } : { name });
    const clientRow = () =>
      page
        .getByRole('region', { name: 'Clients, newest first' })
        .getByRole('row')
        .filter({ hasText: 'Front desk' });
    const callRow = (tool: string) =>
      page
        .getByRole('region', { name: 'Calls, newest first' })
        .getByRole('row')
        .filter({ hasText: tool });

    beforeAll(async () => {
      world = await startWorld();
      // axe-core runs inside the page; the page's own policy is checked over HTTP instead.
      page = await (await world.browser.newContext({ bypassCSP: true })).newPage();
      const { control } = world.emulator;
      const { locationId, token: key } = control.createLocation({
        name: 'Harbor Spa HQ',
        timezone: NY,
      });
      const owner = control.createUser(locationId, { firstName: 'Olive', lastName: 'Owner' });
      const calendarId = control.createCalendar(locationId, weekdayCalendar(owner.id)).id;
      ws = (await api(world, 'POST', '/v1/workspaces', { name: 'Harbor Spa', features: ['voice'] }))
        .id as string;
      await api(world, 'PUT', `/v1/workspaces/${ws}/integrations/gohighlevel`, {
        apiKey: key,
        locationId,
      });
      // The booking tools are offered once the workspace has voice settings.
      await api(world, 'PUT', `/v1/workspaces/${ws}/voice`, {
        calendarId,
        timezone: NY,
        rules: { minLeadMinutes: 0 },
        auth: { type: 'bearer', secret: VAPI_SECRET },
      });
    }, 60_000);

    afterAll(async () => {
      await world?.close();
    });

    it('gives the endpoint to paste into an agent, and says there are no clients yet', async () => {
      await signIn(page, world, ADMIN_TOKEN);
      await page.getByRole('link', { name: 'Harbor Spa' }).click();
      await page.getByRole('link', { name: 'AI agents' }).click();
      await page.getByText('No clients yet').waitFor();
      expect(page.url()).toBe(`${world.url}/workspaces/${ws}/mcp`);
      expect(await page.getByTestId('mcp-endpoint-url').textContent()).toBe(
        `${world.url}/v1/workspaces/${ws}/mcp`,
      );
      await page.getByText('No calls yet').waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
    });

    it("shows the server's refusal beside the tool it names", async () => {
      await page.getByRole('button', { name: 'New MCP client' }).click();
      await dialog().getByLabel('Name').fill('Front desk');
      // Read only is the default, and a read-only client cannot be allowed destructive tools.
      expect(await dialog().getByLabel('Read only').isChecked()).toBe(true);
      expect(await dialog().getByLabel('Allow destructive tools').isDisabled()).toBe(true);
      await dialog().getByLabel('Only the tools I choose').check();
      await tool(/^check_availability/).check();
      await dialog().getByLabel('Find a tool').fill('contact');
      await tool('create-contact').check();
      expect(await tool(/^check_availability/).count()).toBe(0);
      await dialog().getByRole('button', { name: 'Create client' }).click();

      const createContact = tool('create-contact');
      await expect.poll(() => createContact.getAttribute('aria-invalid')).toBe('true');
      const errorId = (await createContact.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`#${errorId}`).textContent()).toBe(
        'create-contact writes to HighLevel: it needs access "read-write"',
      );
      // Focus goes to the tool to fix; the summary names it.
      const createContactId = await createContact.getAttribute('id');
      await expect
        .poll(() => page.evaluate<string>('document.activeElement.id'))
        .toBe(createContactId);
      expect(await dialog().getByRole('alert').textContent()).toContain('create-contact:');
      expect(await dialog().getByTestId('new-mcp-token').count()).toBe(0);
      expect(await accessibilityProblems(page)).toEqual([]);
    });

    it('creates the client, shows its token once, and lists it with its allowlist', async () => {
      await tool('create-contact').uncheck();
      expect(await dialog().getByRole('alert').count()).toBe(0);
      await dialog().getByLabel('Find a tool').fill('');
      await tool(/^find_appointments/).check();
      expect(await dialog().getByRole('status').textContent()).toBe(
        '2 chosen: check_availability, find_appointments',
      );
      await dialog().getByRole('button', { name: 'Create client' }).click();

      const shown = dialog().getByTestId('new-mcp-token');
      await shown.waitFor();
      token = (await shown.textContent()) ?? '';
      expect(token).toMatch(/^ghlm_/);
      expect(await dialog().textContent()).toContain("you won't see it again");
      expect(await accessibilityProblems(page)).toEqual([]);
      await dialog().getByRole('button', { name: 'Done' }).click();

      const row = clientRow();
      await expect
        .poll(() => row.textContent(), { timeout: 10_000 })
        .toContain('check_availability, find_appointments');
      const listed = (await row.textContent()) ?? '';
      expect(listed).toContain('Read only');
      expect(listed).toContain(`ghlm_…${token.slice(-4)}`);
      expect(listed).toContain('Never');
      // Once closed, the token is nowhere on the page, and a new form starts empty.
      expect(await page.content()).not.toContain(token);
      await page.getByRole('button', { name: 'New MCP client' }).click();
      expect(await dialog().getByLabel('Name').inputValue()).toBe('');
      await dialog().getByRole('button', { name: 'Cancel' }).click();
    });

    it("lists the agent's calls in the audit trail, the refused one too", async () => {
      const date = weekdayAhead(2);
      const asked = await mcp(world, ws, token, 'tools/call', {
        name: 'check_availability',
        arguments: { date },
      });
      expect(asked.status).toBe(200);
      expect(asked.body.result?.isError, JSON.stringify(asked.body)).toBeFalsy();
      const refused = await mcp(world, ws, token, 'tools/call', {
        name: 'create-contact',
        arguments: { firstName: 'Ada' },
      });
      expect(refused.body.error?.code).toBe(-32602);

      const checked = callRow('check_availability');
      await expect.poll(() => checked.textContent(), { timeout: 20_000 }).toContain('Answered');
      expect(await checked.textContent()).toContain('Front desk');
      await expect
        .poll(() => callRow('create-contact').textContent(), { timeout: 20_000 })
        .toContain('Refused: the client is read-only');
      // Newest first: the refused call above the answered one.
      const rows = page.getByRole('region', { name: 'Calls, newest first' }).getByRole('row');
      expect(await rows.nth(1).textContent()).toContain('create-contact');

      await checked.locator('summary').first().click();
      expect(await checked.locator('pre').textContent()).toContain(`"date": "${date}"`);
      await checked.locator('summary').nth(1).click();
      const requests = (await checked.locator('ul').textContent()) ?? '';
      expect(requests).toMatch(/GET \/calendars\/[^ ]*free-slots/);
      expect(requests).toContain('HTTP 200');
      await expect
        .poll(() => clientRow().textContent(), { timeout: 20_000 })
        .not.toContain('Never');
      expect(await accessibilityProblems(page)).toEqual([]);
    });

    it('revokes after a confirmation: the client shows revoked and its token is refused', async () => {
      await page.getByRole('button', { name: 'Revoke Front desk' }).click();
      const confirm = page.getByRole('dialog', { name: 'Revoke MCP client' });
      expect(await confirm.textContent()).toContain('This cannot be undone');
      await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
      await expect.poll(() => clientRow().textContent(), { timeout: 10_000 }).toContain('Revoked');
      expect(await page.getByRole('button', { name: 'Revoke Front desk' }).count()).toBe(0);

      const after = await mcp(world, ws, token, 'tools/list');
      expect(after.status).toBe(401);
      expect(after.body.error?.code).toBe('token_revoked');
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, 'mcp');
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
