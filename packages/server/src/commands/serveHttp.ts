import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { App } from '../http/app.js';

export interface HttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `app` on `host:port` (0 picks a free port); resolves once listening. */
export function serveHttp(
  app: App,
  { host, port }: { host: string; port: number },
): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
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
