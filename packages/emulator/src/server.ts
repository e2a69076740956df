import { serve, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { isDroppedResponse, type Emulator } from './emulator.js';

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the emulator on a real port (0 picks a free one). A commit-then-fail `drop` fault
 * destroys the socket, so clients see a reset connection.
 *
 * @example
 * const server = await startServer(createEmulator({ seed: 'demo' }), { port: 0 });
 */
export function startServer(
  emulator: Emulator,
  { port = 4010, host = '127.0.0.1' }: { port?: number; host?: string } = {},
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        hostname: host,
        port,
        fetch: async (request: Request, env: HttpBindings | Http2Bindings) => {
          const res = await emulator.app.fetch(request, env);
          if (isDroppedResponse(res)) env.incoming.socket.destroy();
          // An answer sent before the body arrived in full (a 401, a 404) closes the connection,
          // so a keep-alive client does not reuse a socket still carrying that body.
          else if (!env.incoming.complete && !env.outgoing.headersSent) {
            env.outgoing.setHeader('Connection', 'close');
          }
          return res;
        },
      },
      (info: AddressInfo) => {
        const shownHost = host.includes(':') ? `[${host}]` : host;
        resolve({
          url: `http://${shownHost}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((err) => (err ? fail(err) : done()));
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
