/**
 * HighLevel calls per booking of the booking sync, counted from the emulator's request log: the
 * first booking of a workspace (fields provisioned), a customer's second booking, a repeat
 * booking with an unchanged tag set, a cancellation; and a batch of bookings over many customers
 * on one Location, with the calls per booking and the wall time. Runs the real server (embedded
 * database, workers) against the in-process emulator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, emulatorFetch } from '@ghl-bridge/emulator';
import { createRuntime, loadConfig } from '@ghl-bridge/server';
import pino from 'pino';
import type { Bench } from './report.js';

const ADMIN = 'bench-admin-token-0123456789abcdef';
const BATCH_CUSTOMERS = 20;
const BATCH_BOOKINGS = 60;

function event(id: string, version: number, email: string, day: number, status = 'confirmed') {
  const start = new Date(Date.UTC(2026, 11, day, 15));
  return {
    id,
    version,
    status,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
    timezone: 'America/New_York',
    service: { name: 'Deep Tissue Massage' },
    price: { amount: '120.00', currency: 'USD' },
    payment: { status: 'paid' },
    customer: { firstName: 'Ada', email },
  };
}

const bench: Bench = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ghlb-bench-'));
  const emulator = createEmulator();
  const runtime = await createRuntime({
    config: loadConfig(
      { GHL_BRIDGE_ADMIN_TOKEN: ADMIN, GHL_API_BASE_URL: 'http://ghl.test' },
      { dataDir },
    ),
    fetch: emulatorFetch(emulator),
    logger: pino({ level: 'silent' }),
  });
  const app = runtime.app!;
  const call = async (method: string, path: string, json?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  try {
    const { id: ws } = (await call('POST', '/v1/workspaces', { name: 'Bench' })) as { id: string };
    const { locationId, token } = emulator.control.createLocation({ name: 'Bench Spa' });
    await call('PUT', `/v1/workspaces/${ws}/integrations/gohighlevel`, {
      apiKey: token,
      locationId,
    });
    const requests = () => emulator.control.requests({ locationId }).length;
    const idle = async () => {
      for (;;) {
        const { jobs } = (await call('GET', `/v1/workspaces/${ws}/sync-jobs`)) as {
          jobs: Array<{ status: string }>;
        };
        if (jobs.every((job) => ['done', 'failed'].includes(job.status))) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const measure = async (events: unknown[]) => {
      const before = requests();
      const started = performance.now();
      for (const e of events) await call('POST', `/v1/workspaces/${ws}/bookings`, e);
      await idle();
      return { calls: requests() - before, ms: performance.now() - started };
    };

    const ada = 'ada@example.com';
    const first = await measure([event('b1', 1, ada, 1)]);
    const second = await measure([event('b2', 1, ada, 8)]);
    const repeat = await measure([event('b3', 1, ada, 15)]);
    const cancel = await measure([event('b3', 2, ada, 15, 'cancelled')]);
    const batch = await measure(
      Array.from({ length: BATCH_BOOKINGS }, (_, i) =>
        event(`m${i}`, 1, `customer${i % BATCH_CUSTOMERS}@example.com`, 1 + (i % 28)),
      ),
    );
    const row = (name: string, m: { calls: number; ms: number }, bookings = 1) => ({
      case: name,
      bookings,
      'HighLevel calls': m.calls,
      'calls per booking': m.calls / bookings,
      'ms (accept to synced)': m.ms,
    });
    return {
      name: 'booking sync: HighLevel calls per booking (emulator)',
      rows: [
        row('first booking of a workspace (9 fields provisioned)', first),
        row('second booking of the customer (+ repeat-client tag)', second),
        row('repeat booking, tag set unchanged', repeat),
        row('cancellation, tag set unchanged', cancel),
        row(
          `${BATCH_BOOKINGS} bookings over ${BATCH_CUSTOMERS} new customers`,
          batch,
          BATCH_BOOKINGS,
        ),
      ],
      notes: [
        'Calls counted from the emulator request log for the Location; no faults, no latency.',
        `Embedded database (PGlite), one process; ${process.version}.`,
      ],
    };
  } finally {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
export default bench;
