/**
 * Every operation of /openapi.json, fuzzed: first the nasty set (nastyRequests.ts: NUL, lone
 * surrogates, 1e308, -0, prototype keys, 10,000-deep nesting, bodies that are not JSON, wrong
 * content types, hostile path ids and query strings), then requests derived from the operation's
 * schemas and from a request it accepts with hostile values swapped in; as the admin, a workspace
 * key, another workspace's key and nobody. Whatever is sent, the answer is never a 5xx and every
 * error is the JSON `Error`; Vapi, with its credential, always gets a 200.
 *
 * The seed is fixed, so every run sends the same requests; ROUTE_FUZZ_SEED=<n> tries others and
 * ROUTE_FUZZ_RUNS=<n> sets how many are generated per operation.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { answerProblems } from '../../test/answerProblems.js';
import { connect } from '../../test/bookings.js';
import {
  operationsOf,
  plainRequest,
  requestArbitrary,
  type Document,
  type FuzzRequest,
  type GoodInput,
  VALID,
} from '../../test/fuzzRequests.js';
import { concreteRequest, send, type FuzzTargets } from '../../test/sendFuzzRequest.js';
import { nastyRequests } from '../../test/nastyRequests.js';
import type { BackendName } from '../../test/backends.js';
import { ADMIN_TOKEN, describeOnBackends, type TestServer } from '../../test/harness.js';
import { NY, VAPI_SECRET, weekdayAhead } from '../../test/voice.js';
import { fuzzWorld, type FuzzWorld } from '../../test/fuzzWorld.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const SEED = Number(process.env.ROUTE_FUZZ_SEED ?? 20261205);
/**
 * Generated requests per operation, after the nasty set. PostgreSQL gets a smaller sample: the
 * nasty set is where the two databases differ (what text and numbers each stores), and the
 * suite stays within a minute beside the others.
 */
const RUNS: Record<BackendName, number> = process.env.ROUTE_FUZZ_RUNS
  ? { pglite: Number(process.env.ROUTE_FUZZ_RUNS), postgres: Number(process.env.ROUTE_FUZZ_RUNS) }
  : { pglite: 40, postgres: 15 };

interface Fuzzing {
  /** A request the operation accepts, to mutate. */
  good?: (world: FuzzWorld) => GoodInput;
  /** What the good request gets, when not a 2xx. */
  goodStatus?: number;
  /** For an operation that destroys what it is given: put it back before each run. */
  restore?: (server: TestServer, world: FuzzWorld) => Promise<FuzzWorld>;
}

/**
 * How each operation is fuzzed beyond its schemas, keyed by the document's `METHOD /path`; a new
 * route fails the coverage test until it is listed here.
 */
const FUZZED: Record<string, Fuzzing> = {
  'GET /healthz': {},
  'GET /readyz': {},
  'GET /v1/catalogue': { good: () => ({ query: { category: 'Contacts', kind: 'trigger' } }) },
  // A read: the fuzzed requests that get past validation only look a contact up.
  'POST /v1/workspaces/{ws}/actions/{name}': {
    good: () => ({ body: { email: 'ada@example.com' }, headers: { 'idempotency-key': 'fuzz' } }),
  },
  // Each accepted request subscribes and polls HighLevel once (the Location's pipelines).
  'POST /v1/workspaces/{ws}/triggers': {
    good: (world) => ({
      body: { trigger: 'list-pipelines', endpointId: world.valid.endpointId!, intervalMinutes: 15 },
    }),
  },
  'GET /v1/workspaces/{ws}/triggers': {},
  'GET /v1/workspaces/{ws}/triggers/{triggerId}': {},
  'POST /v1/workspaces/{ws}/triggers/{triggerId}/poll': {},
  'DELETE /v1/workspaces/{ws}/triggers/{triggerId}': {
    restore: async (server, world) => {
      const res = await server.call('POST', `/v1/workspaces/${world.id}/triggers`, {
        json: {
          trigger: 'list-pipelines',
          endpointId: world.valid.endpointId,
          intervalMinutes: 15,
        },
      });
      const triggerId = (res.body as { id: string }).id;
      return { ...world, valid: { ...world.valid, triggerId } };
    },
  },
  'POST /v1/session': { good: () => ({ body: { token: ADMIN_TOKEN } }) },
  'GET /v1/session': {},
  'DELETE /v1/session': {},
  'DELETE /v1/sessions': {},
  'POST /v1/workspaces': {
    good: () => ({
      body: {
        name: 'Fuzzed Spa',
        features: ['bookings', 'voice'],
        bookingSync: { fieldPrefix: 'Spa –', tagPrefix: 'fz/' },
        defaultCountry: 'GB',
      },
    }),
  },
  'GET /v1/workspaces': { good: () => ({ query: { limit: '2' } }) },
  'GET /v1/workspaces/{ws}': {},
  'PATCH /v1/workspaces/{ws}': {
    good: () => ({
      body: { name: 'Renamed Spa', bookingSync: { fieldPrefix: null }, defaultCountry: 'US' },
    }),
  },
  'POST /v1/workspaces/{ws}/api-key': {
    // The old key stops working: the world carries on with the new one.
    restore: async (server, world) => {
      const res = await server.call('POST', `/v1/workspaces/${world.id}/api-key`);
      return { ...world, apiKey: (res.body as { apiKey: string }).apiKey };
    },
  },
  'GET /v1/workspaces/{ws}/health': {},
  'DELETE /v1/workspaces/{ws}': {
    restore: async (server, world) => {
      const { id, apiKey } = await server.createWorkspace('Doomed Spa');
      return { ...world, id, apiKey, valid: { ...world.valid, ws: id } };
    },
  },
  'PUT /v1/workspaces/{ws}/integrations/gohighlevel': {
    good: (world) => ({ body: { apiKey: world.token, locationId: world.locationId } }),
  },
  'GET /v1/workspaces/{ws}/integrations/gohighlevel': {},
  'DELETE /v1/workspaces/{ws}/integrations/gohighlevel': {
    // Each reconnection checks the key with HighLevel: only after a run disconnected, and to a
    // fresh Location, whose budget for HighLevel calls in the bridge is untouched.
    restore: async (server, world) => {
      const path = `/v1/workspaces/${world.id}/integrations/gohighlevel`;
      if ((await server.call('GET', path)).body.status === 'connected') return world;
      const { locationId, token } = server.location();
      await connect(server, world.id, locationId, token);
      return { ...world, locationId, token };
    },
  },
  'POST /v1/workspaces/{ws}/integrations/gohighlevel/check': {},
  'GET /v1/workspaces/{ws}/integrations/gohighlevel/calendars': {},
  'POST /v1/workspaces/{ws}/bookings': {
    good: () => ({
      body: {
        id: 'bk_fuzz_2',
        version: 2,
        status: 'confirmed',
        startsAt: '2026-12-01T15:00:00-05:00',
        endsAt: '2026-12-01T16:00:00-05:00',
        timezone: NY,
        service: { id: 'svc_1', name: 'Deep Tissue Massage' },
        price: { amount: '120.00', currency: 'USD' },
        payment: { status: 'paid' },
        customer: { firstName: 'Ada', email: 'ada@example.com', phone: '(415) 555-0132' },
        notes: 'Prefers a firm pressure',
        metadata: { source: 'website' },
      },
    }),
  },
  'GET /v1/workspaces/{ws}/bookings/{bookingId}': {},
  'GET /v1/workspaces/{ws}/bookings/{bookingId}/timeline': {},
  'POST /v1/workspaces/{ws}/backfill/state': {
    good: (world) => ({
      body: { bookingIds: [world.bookingId], customerKeys: ['ada@example.com'] },
    }),
  },
  'GET /v1/workspaces/{ws}/sync-jobs': {
    good: (world) => ({
      query: { status: 'queued', bookingId: world.bookingId, search: 'ada@', limit: '10' },
    }),
  },
  'GET /v1/workspaces/{ws}/backfills': { good: () => ({ query: { limit: '5' } }) },
  // Each accepted version is stored with its job; the fuzzed server runs no workers.
  'PUT /v1/workspaces/{ws}/contacts/{externalId}': {
    good: () => ({
      body: {
        version: 2,
        updatedAt: '2026-03-01T10:00:00Z',
        firstName: 'Ada',
        email: 'ada@example.com',
        phone: '+1 415 555 0132',
        companyName: 'Analytical Engines',
        country: 'GB',
        timezone: 'Europe/London',
        dateOfBirth: '1815-12-10',
        tags: ['member'],
      },
    }),
  },
  'GET /v1/workspaces/{ws}/contacts/{externalId}': {},
  'PUT /v1/workspaces/{ws}/contacts/{externalId}/notes/{noteId}': {
    good: () => ({ body: { version: 2, body: 'Prefers mornings' } }),
  },
  // Deleted once, the note stays deleted: every later delete answers 202 as well.
  'DELETE /v1/workspaces/{ws}/contacts/{externalId}/notes/{noteId}': {},
  'PUT /v1/workspaces/{ws}/contacts/{externalId}/tasks/{taskId}': {
    good: () => ({
      body: { version: 2, title: 'Call back', dueDate: '2026-03-02T09:00:00Z', completed: true },
    }),
  },
  'DELETE /v1/workspaces/{ws}/contacts/{externalId}/tasks/{taskId}': {},
  // Without workers the world's sync job stays queued, and only a failed job can be retried.
  'POST /v1/workspaces/{ws}/sync-jobs/{id}/retry': { goodStatus: 409 },
  'PUT /v1/workspaces/{ws}/voice': { good: (world) => ({ body: world.voiceSettings }) },
  'GET /v1/workspaces/{ws}/voice': {},
  'GET /v1/workspaces/{ws}/voice/calls': {},
  'GET /v1/workspaces/{ws}/voice/calls/{callId}': {},
  'GET /v1/workspaces/{ws}/voice/confirmations': {
    good: (world) => ({
      query: { appointmentId: world.valid.appointmentId!, status: 'sent', limit: '10' },
    }),
  },
  'GET /v1/workspaces/{ws}/availability': {
    good: () => ({
      query: { date: weekdayAhead(2), from: `${weekdayAhead(2)}T12:00`, timezone: NY },
    }),
  },
  'POST /v1/workspaces/{ws}/appointments': {
    good: () => ({
      body: {
        startTime: `${weekdayAhead(4)}T11:00:00`,
        name: 'Grace Hopper',
        phone: '+14155550101',
        email: 'grace@example.com',
        notes: 'Window seat',
      },
      headers: { 'idempotency-key': 'fuzz-booking' },
    }),
  },
  'PATCH /v1/workspaces/{ws}/appointments/{appointmentId}': {
    good: () => ({ body: { startTime: `${weekdayAhead(4)}T14:00:00` } }),
  },
  'DELETE /v1/workspaces/{ws}/appointments/{appointmentId}': {},
  'POST /v1/workspaces/{ws}/voice/vapi': { good: (world) => ({ body: world.vapiMessage }) },
  // The world's MCP client is read-only: whatever gets through only reads.
  'POST /v1/workspaces/{ws}/mcp': {
    good: () => ({
      body: {
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'check_availability', arguments: { date: weekdayAhead(2) } },
      },
      headers: { accept: 'application/json, text/event-stream' },
    }),
  },
  'POST /v1/workspaces/{ws}/mcp/clients': {
    good: () => ({
      body: {
        name: 'Fuzzed agent',
        access: 'read-write',
        allowDestructive: true,
        tools: ['check_availability', 'book_appointment', 'delete-contact'],
      },
    }),
  },
  'GET /v1/workspaces/{ws}/mcp/clients': {},
  'GET /v1/workspaces/{ws}/mcp/clients/{clientId}': {},
  'DELETE /v1/workspaces/{ws}/mcp/clients/{clientId}': {},
  'GET /v1/workspaces/{ws}/mcp/tools': {},
  'GET /v1/workspaces/{ws}/mcp/calls': {
    good: (world) => ({ query: { clientId: world.valid.clientId!, limit: '10' } }),
  },
  'GET /v1/workspaces/{ws}/highlevel-webhooks': { good: () => ({ query: { limit: '5' } }) },
  'GET /v1/workspaces/{ws}/highlevel-reconciliation': {},
  // No marketplace app is configured here: both answer 409 `oauth_not_configured`.
  'GET /v1/oauth/install': { good: () => ({ query: { returnTo: '/' } }), goodStatus: 409 },
  'GET /v1/oauth/callback': { good: () => ({ query: { code: 'abc' } }), goodStatus: 409 },
  'GET /v1/oauth/locations': {},
  // Without GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: a URL on a public IP literal passes without DNS.
  'POST /v1/workspaces/{ws}/webhook-endpoints': {
    good: () => ({
      body: {
        url: 'https://93.184.215.14/webhooks',
        events: ['booking.synced', 'task.completed'],
        description: 'Fuzzed app',
        enabled: true,
      },
    }),
  },
  'GET /v1/workspaces/{ws}/webhook-endpoints': {},
  'GET /v1/workspaces/{ws}/webhook-endpoints/{endpointId}': {},
  'PATCH /v1/workspaces/{ws}/webhook-endpoints/{endpointId}': {
    good: () => ({
      body: { url: 'https://93.184.215.15/hooks', events: ['booking.sync_failed'], enabled: false },
    }),
  },
  'DELETE /v1/workspaces/{ws}/webhook-endpoints/{endpointId}': {
    restore: async (server, world) => {
      const res = await server.call('POST', `/v1/workspaces/${world.id}/webhook-endpoints`, {
        json: { url: 'https://93.184.215.14/webhooks', events: ['booking.synced'] },
      });
      const endpointId = (res.body as { id: string }).id;
      return { ...world, valid: { ...world.valid, endpointId } };
    },
  },
  'POST /v1/workspaces/{ws}/webhook-endpoints/{endpointId}/secret': {},
  'GET /v1/workspaces/{ws}/webhook-endpoints/{endpointId}/deliveries': {
    good: () => ({ query: { status: 'pending', limit: '10' } }),
  },
  'POST /v1/workspaces/{ws}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/replay': {},
  // Signed by HighLevel's key, which the fuzzer does not hold: every request is refused, never
  // with a 5xx, and every refusal is the JSON error.
  'POST /v1/webhooks/highlevel': {
    good: () => ({
      body: {
        type: 'ContactCreate',
        locationId: 'loc_fuzz',
        id: 'c_fuzz',
        timestamp: new Date().toISOString(),
        webhookId: 'wh_fuzz',
      },
      headers: { 'x-ghl-signature': 'c2lnbmF0dXJl', 'x-wh-signature': 'c2lnbmF0dXJl' },
    }),
    goodStatus: 401,
  },
};

describeOnBackends(
  'every route, fuzzed',
  (server, backend) => {
    let document: Document;
    let isErrorBody: (body: unknown) => boolean;

    beforeAll(async () => {
      const res = await server().call('GET', '/openapi.json', { token: null });
      expect(res.status).toBe(200);
      document = JSON.parse(res.text) as Document;
      const ajv = addFormats(new Ajv({ strict: false }));
      ajv.addSchema({ $id: 'openapi', components: document.components });
      isErrorBody = ajv.compile({ $ref: 'openapi#/components/schemas/Error' });
    });

    it('fuzzes every operation of the document', () => {
      expect([...operationsOf(document).keys()].sort()).toEqual(Object.keys(FUZZED).sort());
    });

    it('answers a method a path does not have with a JSON error', async () => {
      const world = await fuzzWorld(server());
      for (const [path, item] of Object.entries(document.paths)) {
        for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
          if (method.toLowerCase() in item) continue;
          const request = plainRequest(document, `${Object.keys(item)[0]!.toUpperCase()} ${path}`);
          const body: Pick<FuzzRequest, 'contentType' | 'body'> =
            method === 'GET'
              ? { contentType: null, body: { none: true } }
              : { contentType: 'application/json', body: { json: {} } };
          await expectNoProblem(server(), { ...request, method, ...body }, world, isErrorBody);
        }
      }
    });

    for (const [name, fuzzing] of Object.entries(FUZZED)) {
      it(`${name}: no 5xx, every error JSON`, async () => {
        let world = await fuzzWorld(server());
        const good = fuzzing.good?.(world) ?? {};
        // Mutations start from a request that gets past validation, or they only test validation.
        const { answer } = await answerTo(server(), plainRequest(document, name, good), world);
        if (fuzzing.goodStatus) expect(answer.status, answer.text).toBe(fuzzing.goodStatus);
        else expect(answer.status, answer.text).toBeLessThan(300);
        const requests = requestArbitrary(document, name, good);
        const examples = nastyRequests(document, name, good).map(
          (request) => [request] as [FuzzRequest],
        );
        await fc.assert(
          fc.asyncProperty(requests, async (request) => {
            if (fuzzing.restore) world = await fuzzing.restore(server(), world);
            await expectNoProblem(server(), request, world, isErrorBody);
          }),
          // Examples count among the runs: RUNS generated requests come after them.
          { seed: SEED, numRuns: examples.length + RUNS[backend], examples },
        );
      }, 120_000);
    }
  },
  {
    worker: false,
    // Hundreds of voice tool calls go to one Location: HighLevel's limits and the bridge's own
    // budget would make the suite wait (what they do is tested beside the rate limiter).
    emulatorLimits: { burst: 1_000_000, intervalMs: 10_000 },
    rateLimitWindows: [{ limit: 1_000_000, intervalMs: 10_000 }],
  },
);

/**
 * A request Vapi sends to the workspace's server URL with its credential (the world's voice
 * settings take a bearer secret): answered 200 whatever the message, as Vapi ignores the body of
 * any other status (docs/vapi.md#answers); only a body over the size limit is refused first.
 * The server URL has no query string: one with a `%00` in it is refused like on any route.
 */
function answersVapi(request: FuzzRequest): boolean {
  return (
    request.method === 'POST' &&
    request.path.endsWith('/voice/vapi') &&
    request.params.ws === VALID &&
    request.query.length === 0 &&
    request.caller === 'voice secret'
  );
}

/** A request to the MCP endpoint with the world's MCP token: the transport answers it. */
function answersMcp(request: FuzzRequest): boolean {
  return request.path.endsWith('/mcp') && request.caller === 'mcp token';
}

/** A JSON-RPC error answer (https://www.jsonrpc.org/specification#error_object). */
function isJsonRpcError(body: unknown): boolean {
  const error = (body as { jsonrpc?: unknown; error?: { code?: unknown; message?: unknown } })
    ?.error;
  return (
    (body as { jsonrpc?: unknown }).jsonrpc === '2.0' &&
    typeof error?.code === 'number' &&
    typeof error.message === 'string'
  );
}

async function answerTo(server: TestServer, request: FuzzRequest, world: FuzzWorld) {
  const targets: FuzzTargets = {
    adminToken: ADMIN_TOKEN,
    workspaceKey: world.apiKey,
    otherWorkspace: world.otherWorkspace,
    voiceSecret: VAPI_SECRET,
    mcpToken: world.mcpToken,
    valid: world.valid,
  };
  const concrete = concreteRequest(request, targets);
  const answer = await send((url, init) => server.runtime.app!.request(url, init), concrete);
  return { concrete, answer };
}

async function expectNoProblem(
  server: TestServer,
  request: FuzzRequest,
  world: FuzzWorld,
  isErrorBody: (body: unknown) => boolean,
): Promise<void> {
  const { concrete, answer } = await answerTo(server, request, world);
  const mcp = answersMcp(request);
  // The MCP transport refuses what it can't take with a JSON-RPC error, and accepts a
  // notification with an empty 202, as Streamable HTTP has it.
  const problems =
    mcp && answer.status === 202 && answer.text === ''
      ? []
      : answerProblems(
          answer,
          mcp ? (body) => isErrorBody(body) || isJsonRpcError(body) : isErrorBody,
        );
  if (answersVapi(request) && answer.status !== 200 && answer.status !== 413) {
    problems.push(`answered Vapi's request with ${answer.status}, whose body Vapi ignores`);
  }
  if (problems.length === 0) return;
  const body = concrete.body ?? '';
  throw new Error(
    [
      `${problems.join('; ')} (ROUTE_FUZZ_SEED=${SEED} repeats this run)`,
      `request: ${concrete.method} ${concrete.url}`,
      `headers: ${JSON.stringify(concrete.headers)}`,
      `body (${body.length} chars): ${JSON.stringify(body.slice(0, 400))}`,
      `answer: ${answer.status} ${answer.contentType ?? ''} ${answer.text.slice(0, 400)}`,
    ].join('\n'),
  );
}
