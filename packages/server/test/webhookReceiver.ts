/**
 * A booking app's webhook receiver for tests: a real HTTP server on a local port that records
 * every request (headers and raw body) and answers with the status a test sets. Every body is
 * checked against its event type's schema, the one /openapi.json documents: closing the receiver
 * fails when one was not what the document says.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { payloadProblems } from './webhookPayloads.js';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status it was answered with. */
  answered: number;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>` */
  url: string;
  received: ReceivedWebhook[];
  /** The requests to `path`. */
  at(path: string): ReceivedWebhook[];
  /** What requests to `path` are answered with from now on (default 204). */
  answer(path: string, status: number): void;
  /** What was wrong with the bodies received so far, against their schemas. */
  problems: string[];
  /** Stops the server; rejects when a body received was not what its schema says. */
  close(): Promise<void>;
}

/** @example const receiver = await startWebhookReceiver(); */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const problems: string[] = [];
  const statuses = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const answered = statuses.get(path) ?? 204;
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ path, headers: req.headers, body, answered });
      for (const problem of payloadProblems(body)) {
        if (!problems.includes(problem)) problems.push(problem);
      }
      res.statusCode = answered;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    at: (path) => received.filter((request) => request.path === path),
    answer: (path, status) => statuses.set(path, status),
    problems,
    close: async () => {
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      if (problems.length > 0) {
        throw new Error(
          `webhooks unlike their schema (webhooksOut/payloadSchemas.ts):\n${problems.join('\n')}`,
        );
      }
    },
  };
}

/** The headers a Standard Webhooks verifier reads, as plain strings. */
export function webhookHeaders(request: ReceivedWebhook): Record<string, string> {
  const pick = (name: string) => String(request.headers[name] ?? '');
  return {
    'webhook-id': pick('webhook-id'),
    'webhook-timestamp': pick('webhook-timestamp'),
    'webhook-signature': pick('webhook-signature'),
  };
}
