/**
 * What the client adds per request: the same in-process handler called through a bare `fetch`
 * (parse JSON) and through `HighLevel` (prepare, Version header, auth, limiter, retry, typed
 * errors, events), as a ratio. The handler answers at once, so the ratio is pure client cost.
 */
import { HighLevel, privateIntegrationToken } from '@ghl-bridge/client';
import type { Bench } from './report.js';

const N = 20_000;
const body = JSON.stringify({ contact: { id: 'c1', firstName: 'Ada', email: 'ada@example.com' } });
const handler: typeof fetch = () =>
  Promise.resolve(
    new Response(body, {
      // No X-RateLimit-* headers: the budget is the configured one, so nothing here waits.
      headers: { 'content-type': 'application/json' },
    }),
  );

async function timePerRequest(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 1000; i++) await run(); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await run();
  return Number(process.hrtime.bigint() - start) / 1000 / N;
}

const bench: Bench = async () => {
  const bare = await timePerRequest(async () =>
    (await handler('http://hl.test/contacts/c1')).json(),
  );
  const auth = privateIntegrationToken('pit-bench', { locationId: 'loc1' });
  const noLimit = new HighLevel({
    auth,
    fetch: handler,
    baseUrl: 'http://hl.test',
    rateLimit: false,
  });
  // A budget no run reaches, so the limiter's bookkeeping is measured, never its waiting.
  const limited = new HighLevel({
    auth,
    fetch: handler,
    baseUrl: 'http://hl.test',
    rateLimit: { windows: [{ limit: 10_000_000, intervalMs: 10_000 }] },
  });
  const withoutLimiter = await timePerRequest(() => noLimit.contacts.get('c1'));
  const withLimiter = await timePerRequest(() => limited.contacts.get('c1'));
  const row = (name: string, us: number) => ({
    path: name,
    'µs per request': us,
    'ratio to bare fetch': us / bare,
    'added µs': us - bare,
  });
  return {
    name: 'client overhead (in-process handler, sequential requests)',
    rows: [
      row('bare fetch + res.json()', bare),
      row('HighLevel, rate limiter off', withoutLimiter),
      row('HighLevel, rate limiter on', withLimiter),
    ],
    notes: [
      `${N} sequential requests each after 1,000 warm-up; ${process.version}, one process.`,
      'HighLevel answers in ~100-300 ms, so microseconds added here are the client’s whole cost.',
    ],
  };
};
export default bench;
