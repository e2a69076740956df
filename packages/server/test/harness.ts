/**
 * A real server for integration tests: a fresh database on the chosen backend, the runtime with
 * its workers, the emulator playing HighLevel in-process, and every log line captured.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import {
  createEmulator,
  emulatorFetch,
  type Emulator,
  type RateLimits,
} from '@ghl-bridge/emulator';
import type { RateLimitWindow } from '@ghl-bridge/client';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { backends, createTestDatabase, type BackendName, type TestDatabase } from './backends.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const SECRET_KEY = Buffer.alloc(32, 0x5a).toString('base64');

/** Every field a bridge response may carry, all optional: each test reads what it expects. */
export interface ApiBody {
  error?: {
    code: string;
    message: string;
    details?: {
      fields?: { path: string; message: string }[];
      missingScopes?: string[];
      requiredScopes?: string[];
      locationId?: string;
    };
  };
  id?: string;
  name?: string;
  apiKey?: string;
  features?: string[];
  createdAt?: string;
  bookingSync?: { fieldPrefix: string | null; tagPrefix: string | null };
  defaultCountry?: string | null;
  phoneCountry?: { country: string | null; source: string | null };
  locationCountry?: string | null;
  integrations?: { gohighlevel: ApiBody };
  workspaces?: ApiBody[];
  next?: string | null;
  status?: string;
  locationId?: string | null;
  locationName?: string | null;
  apiKeyPreview?: string | null;
  connectedAt?: string | null;
  lastSyncAt?: string | null;
  lastCheckedAt?: string | null;
  lastError?: string | null;
  jobId?: string;
  principal?: { kind: string; workspaceId?: string; workspaceName?: string };
  expiresAt?: string | null;
  checks?: Record<string, string>;
  openapi?: string;
  paths?: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components?: {
    schemas: Record<string, { required?: string[] }>;
    securitySchemes: Record<string, unknown>;
  };
}

export interface TestServer {
  runtime: Runtime;
  emulator: Emulator;
  /** Every log line, parsed. */
  logs: Record<string, unknown>[];
  /** The raw log text. */
  logText(): string;
  /** Calls the bridge's HTTP API. `token` defaults to the admin token; `null` sends none. */
  call(
    method: string,
    path: string,
    options?: {
      token?: string | null;
      json?: unknown;
      body?: string;
      headers?: Record<string, string>;
      /** The request's signal, as a client that gives up aborts it. */
      signal?: AbortSignal;
    },
  ): Promise<{ status: number; body: ApiBody; headers: Headers; text: string }>;
  /** A workspace created through the API, with its key. */
  createWorkspace(name?: string, features?: string[]): Promise<{ id: string; apiKey: string }>;
  /** An emulated Location and a token with `scopes` (default all). */
  location(scopes?: string[]): { locationId: string; token: string };
  /**
   * Stops the runtime and starts a new one on the same database and emulator, as a restart
   * with a changed configuration does; `env` replaces the test's own variables it names.
   */
  restart(env: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Run the job workers. Default true. */
  worker?: boolean;
  env?: Record<string, string>;
  /** HighLevel's rate limits as the emulator applies them. */
  emulatorLimits?: Partial<RateLimits>;
  /** The bridge's own per-Location budget. */
  rateLimitWindows?: RateLimitWindow[];
  /**
   * The bridge's voice tools read the emulator's clock (real time until a test sets it with
   * `emulator.control.setClock`), so both agree on what "now" is.
   */
  sharedClock?: boolean;
}

export async function startTestServer(
  backend: BackendName,
  options: ServerOptions = {},
): Promise<TestServer> {
  const testDb: TestDatabase = await createTestDatabase(backend);
  const emulator = createEmulator({ limits: options.emulatorLimits });
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void lines.push(line) },
  });
  const baseEnv = {
    GHL_BRIDGE_ADMIN_TOKEN: ADMIN_TOKEN,
    GHL_BRIDGE_SECRET_KEY: SECRET_KEY,
    GHL_API_BASE_URL: 'http://ghl.test',
    // Off unless a test turns it on: its HighLevel calls would change the counts tests compare.
    GHL_BRIDGE_RECONCILE_INTERVAL_SECONDS: '0',
    // Trigger polls run when a test asks for them (POST …/triggers/:id/poll), unless it turns this on.
    GHL_BRIDGE_TRIGGER_LOOK_SECONDS: '0',
    ...options.env,
  };
  const startRuntime = (env: Record<string, string>) =>
    createRuntime({
      config: loadConfig(env, { dataDir: testDb.dataDir, databaseUrl: testDb.databaseUrl }),
      logger,
      fetch: emulatorFetch(emulator),
      worker: options.worker ?? true,
      workerName: `test-${backend}`,
      rateLimitWindows: options.rateLimitWindows,
      ...(options.sharedClock ? { clock: { now: () => emulator.control.now() } } : {}),
    });

  const server: TestServer = {
    runtime: await startRuntime(baseEnv),
    emulator,
    get logs() {
      return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    logText: () => lines.join(''),
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      const token = opts.token === undefined ? ADMIN_TOKEN : opts.token;
      if (token !== null) headers.authorization = `Bearer ${token}`;
      let body = opts.body;
      if (opts.json !== undefined) {
        body = JSON.stringify(opts.json);
        headers['content-type'] ??= 'application/json';
      }
      const res = await server.runtime.app!.request(path, {
        method,
        headers,
        body,
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      const text = await res.text();
      let parsed: ApiBody = {};
      try {
        parsed = text ? (JSON.parse(text) as ApiBody) : {};
      } catch {
        parsed = {};
      }
      return { status: res.status, body: parsed, headers: res.headers, text };
    },
    async createWorkspace(name = 'Test Spa', features) {
      const res = await server.call('POST', '/v1/workspaces', {
        json: features ? { name, features } : { name },
      });
      if (res.status !== 201) throw new Error(`createWorkspace: ${res.status} ${res.text}`);
      return { id: res.body.id!, apiKey: res.body.apiKey! };
    },
    location(scopes) {
      const { locationId, token } = emulator.control.createLocation({ name: 'Emulated Spa' });
      if (!scopes) return { locationId, token };
      return { locationId, token: emulator.control.createToken(locationId, { scopes }).token };
    },
    async restart(env) {
      await server.runtime.stop();
      server.runtime = await startRuntime({ ...baseEnv, ...env });
    },
    async close() {
      await server.runtime.stop();
      await testDb.drop();
    },
  };
  return server;
}

/**
 * Defines `body`'s tests once per backend (PGlite, and PostgreSQL when configured), each group
 * with its own fresh server and database.
 *
 * @example
 * describeOnBackends('GET /healthz', (server) => {
 *   it('answers', async () => expect((await server().call('GET', '/healthz')).status).toBe(200));
 * });
 */
export function describeOnBackends(
  title: string,
  body: (server: () => TestServer, backend: BackendName) => void,
  options: ServerOptions = {},
): void {
  for (const { name, available } of backends()) {
    describe.skipIf(!available)(`${title} [${name}]`, () => {
      let server: TestServer | undefined;
      beforeAll(async () => {
        server = await startTestServer(name, options);
      });
      afterAll(async () => {
        await server?.close();
      });
      body(() => server!, name);
    });
  }
}
