/**
 * Webhooks from HighLevel: how fast `POST /v1/webhooks/highlevel` takes signed deliveries in
 * (verified, stored once, a job queued) and how fast the jobs process them (routed to the
 * workspace, settled, and told to the booking app's endpoint). One process runs the API and its
 * workers (`ghl-bridge start`), on a real port; a load of `BENCH_WEBHOOK_CLIENTS` (default 16)
 * keep-alive clients posts `BENCH_WEBHOOKS` (default 2,000) task-completed events, each signed
 * with Ed25519 and RSA as HighLevel signs them, plus one duplicate of each 10th. On the embedded
 * database always; on PostgreSQL too with `BENCH_DATABASE_URL` (a fresh database per run).
 */
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, emulatorFetch } from '@ghl-bridge/emulator';
import { sql } from 'kysely';
import { serveHttp } from '../packages/server/src/commands/serveHttp.js';
import { loadConfig } from '../packages/server/src/config.js';
import { createLogger } from '../packages/server/src/logger.js';
import { createRuntime } from '../packages/server/src/runtime.js';
import { envCount } from './env.js';
import { freshDatabase } from './freshDatabase.js';
import type { BenchReport } from './report.js';

const ADMIN = 'bench-admin-token-0123456789abcdef';
const WEBHOOKS = envCount('BENCH_WEBHOOKS', 2000);
const CLIENTS = envCount('BENCH_WEBHOOK_CLIENTS', 16);

const pem = (key: { export(o: object): string | Buffer }) =>
  key.export({ type: 'spki', format: 'pem' }).toString();

function keys() {
  const ed = generateKeyPairSync('ed25519');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicPem: pem(ed.publicKey) + pem(rsa.publicKey),
    headers(body: string) {
      const bytes = Buffer.from(body);
      return {
        'content-type': 'application/json',
        'x-ghl-signature': sign(null, bytes, ed.privateKey).toString('base64'),
        'x-wh-signature': sign('sha256', bytes, rsa.privateKey).toString('base64'),
      };
    },
  };
}

/** The booking app's endpoint: counts what it is sent. */
async function receiver() {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/app`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function run(backend: 'PGlite' | 'PostgreSQL', databaseUrl?: string) {
  const signing = keys();
  const emulator = createEmulator();
  const dataDir = mkdtempSync(join(tmpdir(), 'ghl-bridge-bench-webhooks-'));
  const app = await receiver();
  const runtime = await createRuntime({
    config: loadConfig(
      {
        GHL_BRIDGE_ADMIN_TOKEN: ADMIN,
        GHL_BRIDGE_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
        GHL_API_BASE_URL: 'http://ghl.bench',
        GHL_WEBHOOK_PUBLIC_KEYS: signing.publicPem,
        GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true',
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
      { dataDir },
    ),
    fetch: emulatorFetch(emulator),
    logger: createLogger({ level: 'warn', destination: { write: () => undefined } }),
    workerName: 'bench-webhooks',
  });
  const http = await serveHttp(runtime.app!, { host: '127.0.0.1', port: 0 });
  try {
    const call = async (method: string, path: string, body: unknown) => {
      const res = await fetch(`${http.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status >= 300)
        throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string };
    };
    const ws = await call('POST', '/v1/workspaces', { name: 'Bench Spa' });
    const location = emulator.control.createLocation({ name: 'Bench Spa' });
    await call('PUT', `/v1/workspaces/${ws.id}/integrations/gohighlevel`, {
      apiKey: location.token,
      locationId: location.locationId,
    });
    await call('POST', `/v1/workspaces/${ws.id}/webhook-endpoints`, {
      url: app.url,
      events: ['task.completed'],
    });

    const bodies = Array.from({ length: WEBHOOKS }, (_, i) => {
      const body = JSON.stringify({
        type: 'TaskComplete',
        locationId: location.locationId,
        id: `task_${i}`,
        contactId: 'c_bench',
        timestamp: new Date().toISOString(),
        webhookId: randomUUID(),
      });
      return { body, headers: signing.headers(body) };
    });
    const load = [...bodies, ...bodies.filter((_, i) => i % 10 === 0)];
    const latencies: number[] = [];
    let next = 0;
    let refused = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < load.length) {
          const { body, headers } = load[next++]!;
          const t = performance.now();
          const res = await fetch(`${http.url}/v1/webhooks/highlevel`, {
            method: 'POST',
            headers,
            body,
          });
          await res.arrayBuffer();
          latencies.push(performance.now() - t);
          if (res.status !== 200) refused += 1;
        }
      }),
    );
    const taken = performance.now() - started;

    const db = runtime.database.db;
    const settled = async () =>
      Number(
        (
          await sql<{ n: string }>`select count(*) as n from highlevel_webhooks
            where status <> 'received'`.execute(db)
        ).rows[0]!.n,
      );
    while ((await settled()) < WEBHOOKS || app.received() < WEBHOOKS) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (performance.now() - started > 600_000)
        throw new Error('webhooks not processed in 10 min');
    }
    const processed = performance.now() - started;
    const stored = Number(
      (await sql<{ n: string }>`select count(*) as n from highlevel_webhooks`.execute(db)).rows[0]!
        .n,
    );
    latencies.sort((a, b) => a - b);
    return {
      database: backend,
      'deliveries posted': load.length,
      'of them duplicates': load.length - WEBHOOKS,
      'not 200': refused,
      'stored (once each)': stored,
      'accepted / s': load.length / (taken / 1000),
      'POST p50 ms': percentile(latencies, 50),
      'POST p99 ms': percentile(latencies, 99),
      'processed and told to the app / s': WEBHOOKS / (processed / 1000),
      'app requests': app.received(),
    };
  } finally {
    await http.close();
    await runtime.stop();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function webhooks(): Promise<BenchReport> {
  const rows = [await run('PGlite')];
  const server = process.env.BENCH_DATABASE_URL;
  if (server) {
    const database = await freshDatabase(server, 'bench_webhooks');
    try {
      rows.push(await run('PostgreSQL', database.url));
    } finally {
      await database.drop();
    }
  }
  return {
    name: 'webhooks from HighLevel: taken in, processed, told to the app',
    rows,
    notes: [
      `${WEBHOOKS} TaskComplete events signed with Ed25519 and RSA (each verified), every 10th sent twice; ${CLIENTS} keep-alive clients.`,
      'One process serves the API and runs the workers; the booking app is a local HTTP server subscribed to task.completed.',
      '"processed and told to the app / s": from the first POST until every event is settled and its task.completed answered by the app.',
    ],
  };
}
