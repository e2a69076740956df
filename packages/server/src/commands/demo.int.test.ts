/** `ghl-bridge start --demo` as a user runs it: the banner, and the curls it prints work as printed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { runCurl } from '../../test/curl.js';
import { spawnCli, type CliProcess } from '../../test/processes.js';
import { waitFor } from '../../test/waitFor.js';

describe('ghl-bridge start --demo', () => {
  let testDb: TestDatabase;
  let proc: CliProcess | undefined;

  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await proc?.kill('SIGKILL');
    await testDb?.drop();
  });

  it('prints the URLs, the admin token and a curl that shows the connected demo workspace', async () => {
    proc = spawnCli(['start', '--demo', '--port', '0', '--data-dir', testDb.dataDir], {
      GHL_BRIDGE_ADMIN_TOKEN: '',
      GHL_BRIDGE_SECRET_KEY: '',
      LOG_LEVEL: '',
    });
    await proc.waitForOutput(/Stop with Ctrl\+C\./);
    // The banner is for people, on stderr; stdout is for JSON logs only.
    const banner = proc.stderr();
    expect(proc.stdout()).not.toContain('Stop with Ctrl+C.');
    expect(banner).toMatch(/API\s+http:\/\/127\.0\.0\.1:\d+\/v1/);
    expect(banner).toMatch(/OpenAPI\s+http:\/\/127\.0\.0\.1:\d+\/openapi\.json/);
    expect(banner).toMatch(/HighLevel\s+http:\/\/127\.0\.0\.1:\d+\s+\(emulator/);
    const adminToken = /Admin token\s+(ghlb_admin_\S+)/.exec(banner)?.[1];
    expect(adminToken).toBeDefined();
    expect(banner).toContain(
      'Connected to the emulated Location DemoLocation00000001 "Demo Location"',
    );
    // Quiet logs in the demo: no JSON lines between the banner's lines.
    expect(banner).not.toMatch(/^\{"level"/m);

    const curl = /curl -s (\S+) \\\n\s+-H "Authorization: Bearer (\S+)"/.exec(banner);
    expect(curl).not.toBeNull();
    const res = await fetch(curl![1]!, { headers: { authorization: `Bearer ${curl![2]!}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'connected',
      locationId: 'DemoLocation00000001',
      apiKeyPreview: 'pit-…0001',
    });
    const base = /API\s+(http:\/\/\S+)\/v1/.exec(banner)![1]!;
    const list = await fetch(`${base}/v1/workspaces`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(list.status).toBe(200);
    // The install link goes to the emulator's location chooser, with the demo app's client id.
    expect(banner).toMatch(/App install\s+http:\/\/127\.0\.0\.1:\d+\/v1\/oauth\/install/);
    const install = await fetch(`${base}/v1/oauth/install`, {
      headers: { authorization: `Bearer ${adminToken}` },
      redirect: 'manual',
    });
    expect(install.status).toBe(302);
    const emulatorUrl = /HighLevel\s+(http:\/\/\S+)/.exec(banner)![1]!;
    const chooser = new URL(install.headers.get('location')!);
    expect(`${chooser.origin}${chooser.pathname}`).toBe(`${emulatorUrl}/oauth/chooselocation`);
    const page = await fetch(chooser);
    expect(await page.text()).toContain('Sub-account: Demo Location');
    expect(await proc.kill('SIGTERM')).toBe(0);
  });

  it('prints a booking, a voice availability, a voice booking and a control API curl that work as printed', async () => {
    proc = spawnCli(['start', '--demo', '--port', '0', '--data-dir', testDb.dataDir], {
      LOG_LEVEL: '',
    });
    await proc.waitForOutput(/Stop with Ctrl\+C\./);
    const banner = proc.stderr();
    const curls = banner.match(/curl (?:[^\n]*\\\n)*[^\n]*/g) ?? [];
    const find = (pattern: RegExp) => {
      const found = curls.find((curl) => pattern.test(curl));
      expect(found, `a curl matching ${pattern} in:\n${banner}`).toBeDefined();
      return found!;
    };

    const posted = await runCurl(find(/-X POST \S+\/bookings /));
    expect(posted).toMatchObject({
      status: 202,
      body: { bookingId: 'demo-booking-1', version: 1 },
    });
    const synced = await waitFor(
      async () => {
        const state = await runCurl(find(/\/bookings\/demo-booking-1 /));
        return (state.body as { sync?: string }).sync === 'synced' ? state : undefined;
      },
      { what: 'the demo booking to be synced' },
    );
    expect(synced).toMatchObject({
      status: 200,
      body: { highLevelContactId: expect.any(String) as string },
    });
    const highLevel = await runCurl(find(/\/_emulator\/locations\/DemoLocation00000001\/state/));
    expect(JSON.stringify(highLevel.body)).toContain('ada@example.com');

    // The demo's HighLevel tells the bridge what changed, signed, as HighLevel's webhooks do.
    const listWebhooks = find(/\/bookings\/demo-booking-1 /).replace(
      /\/bookings\/demo-booking-1 /,
      '/highlevel-webhooks ',
    );
    const told = await waitFor(
      async () => {
        const { body } = await runCurl(listWebhooks);
        const { webhooks = [] } = body as { webhooks?: { type: string; status: string }[] };
        return webhooks.some((w) => w.type === 'ContactCreate' && w.status === 'processed')
          ? webhooks
          : undefined;
      },
      { what: "the demo HighLevel's ContactCreate webhook, processed" },
    );
    expect(told.every((w) => w.status !== 'failed')).toBe(true);

    const vapiResult = async (pattern: RegExp) => {
      const voice = await runCurl(find(pattern));
      expect(voice.status).toBe(200);
      const { results } = voice.body as { results: { toolCallId: string; result: string }[] };
      return JSON.parse(results[0]!.result) as Record<string, unknown>;
    };
    const free = await vapiResult(/"name":"check_availability"/);
    expect(free.status).toBe('ok');
    expect(free.slots).not.toHaveLength(0);

    // The caller is booked on the demo calendar in the emulated HighLevel; the same curl again
    // answers the same booking, not a second one.
    const booked = await vapiResult(/"name":"book_appointment"/);
    expect(booked).toMatchObject({ status: 'booked', appointmentId: expect.any(String) as string });
    expect(booked.start).toMatch(/T14:00:00-0[45]:00$/);
    expect(await vapiResult(/"name":"book_appointment"/)).toEqual(booked);
    const calendar = await runCurl(find(/\/_emulator\/locations\/DemoLocation00000001\/state/));
    expect(JSON.stringify(calendar.body)).toContain(booked.appointmentId as string);

    const control = await runCurl(find(/\/_emulator$/));
    expect(control.status).toBe(200);
    expect((control.body as { controlApi: unknown[] }).controlApi).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/_emulator/locations/:id/state' }),
    );
    expect(await proc.kill('SIGTERM')).toBe(0);
  });
});
