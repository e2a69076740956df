/**
 * The API over a real port with a keep-alive client: a response sent before the request body
 * was read closes the connection, so the client's next request goes out on a fresh socket
 * instead of one still carrying the previous body.
 */
import { Agent, request } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../../test/harness.js';
import { serveHttp, type HttpServer } from './serveHttp.js';

const BODY_LIMIT = 4_194_304;

interface Answer {
  status: number;
  connection: string | undefined;
  reusedSocket: boolean;
  text: string;
}

describe('serveHttp with keep-alive clients', () => {
  let server: TestServer;
  let http: HttpServer;
  let agent: Agent;

  beforeAll(async () => {
    server = await startTestServer('pglite', {
      worker: false,
      env: { GHL_BRIDGE_BODY_LIMIT_BYTES: String(BODY_LIMIT) },
    });
    http = await serveHttp(server.runtime.app!, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await http?.close();
    await server?.close();
  });
  beforeEach(() => {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
  });
  afterEach(() => agent.destroy());

  const send = (
    method: string,
    path: string,
    { body, headers = {} }: { body?: string | Buffer; headers?: Record<string, string> } = {},
  ) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: http.port,
          method,
          path,
          agent,
          // node:http sends a DELETE body without framing unless told its length.
          headers: body
            ? { ...headers, 'content-length': String(Buffer.byteLength(body)) }
            : headers,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              connection: res.headers.connection,
              reusedSocket: req.reusedSocket,
              text,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  // Large enough that the body is still arriving when the early answer goes out.
  const unreadBody = Buffer.alloc(3_000_000, '{');
  const oversizedBody = Buffer.alloc(BODY_LIMIT + 2_000_000, '{');
  const json: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${ADMIN_TOKEN}`,
  };

  it.each<{
    answer: string;
    method: string;
    path: string;
    status: number;
    headers: Record<string, string>;
    body?: Buffer;
  }>([
    {
      answer: '413 over the body limit',
      method: 'POST',
      path: '/v1/workspaces',
      status: 413,
      headers: json,
      body: oversizedBody,
    },
    {
      answer: '415 for a non-JSON body',
      method: 'POST',
      path: '/v1/workspaces',
      status: 415,
      headers: { 'content-type': 'text/plain' },
    },
    {
      answer: '401 before the body is read',
      method: 'DELETE',
      path: '/v1/workspaces/ws_x',
      status: 401,
      headers: {},
    },
    {
      answer: '404 for an unknown route',
      method: 'DELETE',
      path: '/nope',
      status: 404,
      headers: {},
    },
  ])(
    'closes the connection after a $answer, and the next request succeeds',
    async ({ method, path, status, headers, body = unreadBody }) => {
      for (let round = 0; round < 5; round++) {
        const early = await send(method, path, { body, headers });
        expect(early.status, early.text).toBe(status);
        expect(early.connection).toBe('close');
        const next = await send('GET', '/healthz');
        expect(next).toMatchObject({ status: 200, reusedSocket: false });
      }
    },
  );

  it('keeps the connection open once the body was read', async () => {
    const created = await send('POST', '/v1/workspaces', {
      body: JSON.stringify({ name: 'Keep-alive Spa' }),
      headers: json,
    });
    expect(created).toMatchObject({ status: 201, connection: 'keep-alive' });
    const next = await send('GET', '/healthz');
    expect(next).toMatchObject({ status: 200, connection: 'keep-alive', reusedSocket: true });
  });
});
