import { serve, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { App } from '../http/env.js';

export interface HttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A response sent before the request body arrived in full (a 413 on the declared length, a 401,
 * 404 or 415 before the handler reads it) closes the connection: otherwise the client, told
 * `keep-alive`, reuses a socket whose unread body the server is still discarding or has cut
 * off, and its next request fails.
 */
function closeIfBodyUnread(env: HttpBindings | Http2Bindings): void {
  const http1 = env.incoming.httpVersionMajor === 1;
  if (http1 && !env.incoming.complete && !env.outgoing.headersSent) {
    env.outgoing.setHeader('Connection', 'close');
  }
}

/** Serves `app` on `host:port` (0 picks a free port); resolves once listening. */
export function serveHttp(
  app: App,
  { host, port }: { host: string; port: number },
): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const fetch = async (request: Request, env: HttpBindings | Http2Bindings) => {
      const response = await app.fetch(request, env);
      closeIfBodyUnread(env);
      return response;
    };
    const server = serve({ fetch, hostname: host, port }, (info: AddressInfo) => {
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
