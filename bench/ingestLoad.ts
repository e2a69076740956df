/**
 * The load generator of the ingest benchmark, run as its own process so its work never runs on
 * the measured server's event loop: `clients` keep-alive connections, each posting booking events
 * one after another (each a new booking, a unique id) to `POST /v1/workspaces/:ws/bookings` for
 * `warmupSeconds` (not counted), then for `seconds`. Prints `measuring` when the counted part
 * starts and `result <json>` (an `IngestLoadResult`) when it ends. Argument: an `IngestLoadPlan`
 * as JSON. Started by ingest.bench.ts.
 */
import { Agent, request } from 'node:http';
import { bookingEvent } from './bookingEvents.js';

export interface IngestLoadPlan {
  /** The server's base URL, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  workspaceId: string;
  apiKey: string;
  clients: number;
  warmupSeconds: number;
  seconds: number;
  /** Starts every booking id, so two runs on one workspace never post the same booking. */
  idPrefix: string;
}

export interface IngestLoadResult {
  /** Answers in the counted part, by status (`error` for a failed connection). */
  statuses: Record<string, number>;
  /** Latency of each counted post, in ms, in the order they finished. */
  latenciesMs: number[];
  /** From the first counted post sent to the last one answered. */
  elapsedMs: number;
  /** The first few answers that were not 202, for the report. */
  samples: string[];
  /** Every 202, warm-up and posts past the end included: each must be a stored, queued booking. */
  acceptedAll: number;
}

/** One POST over a kept-alive connection; resolves with its status and, unless 202, its body. */
function post(
  agent: Agent,
  url: URL,
  apiKey: string,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(plan: IngestLoadPlan): Promise<IngestLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.clients });
  const url = new URL(`/v1/workspaces/${plan.workspaceId}/bookings`, plan.baseUrl);
  const result: IngestLoadResult = {
    statuses: {},
    latenciesMs: [],
    elapsedMs: 0,
    samples: [],
    acceptedAll: 0,
  };
  let counting = false;
  let stopping = false;
  let sent = 0;
  const client = async (c: number) => {
    while (!stopping) {
      const n = sent++;
      // Customers repeat every 500 bookings, as a salon's regulars do.
      const event = bookingEvent(`${plan.idPrefix}-${c}-${n}`, 1, 'confirmed', n % 500, n);
      const counted = counting;
      const started = performance.now();
      let status: string;
      try {
        const answer = await post(agent, url, plan.apiKey, JSON.stringify(event));
        status = String(answer.status);
        if (answer.status === 202) result.acceptedAll += 1;
        if (answer.status !== 202 && result.samples.length < 5) {
          result.samples.push(`${answer.status} ${answer.text.slice(0, 300)}`);
        }
      } catch (error) {
        status = 'error';
        if (result.samples.length < 5) result.samples.push(String(error));
      }
      if (!counted) continue;
      result.latenciesMs.push(performance.now() - started);
      result.statuses[status] = (result.statuses[status] ?? 0) + 1;
    }
  };
  const clients = Array.from({ length: plan.clients }, (_, c) => client(c));
  await new Promise((resolve) => setTimeout(resolve, plan.warmupSeconds * 1000));
  counting = true;
  console.log('measuring');
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, plan.seconds * 1000));
  // Posts in flight finish and count, the wait for them too: every counted post's work on the
  // server falls between `measuring` and `result`, where the server's CPU time is read.
  stopping = true;
  await Promise.all(clients);
  result.elapsedMs = performance.now() - started;
  agent.destroy();
  return result;
}

const plan = JSON.parse(process.argv[2] ?? '') as IngestLoadPlan;
console.log(`result ${JSON.stringify(await run(plan))}`);
