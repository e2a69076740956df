import type { MiddlewareHandler } from 'hono';
import { defaultFaultBody, pickFault, type FaultRule } from '../faults.js';
import type { AppEnv, Runtime } from '../runtime.js';
import { bearerToken } from './requestLog.js';

/** Header on the internal answer that means "close the connection without responding". */
export const DROP_HEADER = 'x-ghl-emulator-drop';

function faultResponse(rule: FaultRule, status: number): Response {
  return Response.json(rule.body ?? defaultFaultBody(status), { status });
}

/** A response whose body arrives `ms` late on the emulator clock (headers at once). */
function slowBody(rt: Runtime, res: Response, ms: number): Response {
  const source = res.body;
  if (!source) return res;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const bytes = new Uint8Array(await new Response(source).arrayBuffer());
      const half = Math.floor(bytes.length / 2);
      controller.enqueue(bytes.slice(0, half));
      await rt.clock.sleep(ms);
      controller.enqueue(bytes.slice(half));
      controller.close();
    },
  });
  return new Response(stream, { status: res.status, headers: res.headers });
}

/** Applies the first fault rule that matches the request (see `FaultRule`). */
export function faults(rt: Runtime): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (rt.faults.length === 0) return next();
    const match = c.get('match');
    const token = bearerToken(c.req.header('authorization'));
    const rule = pickFault(
      rt.faults,
      {
        method: c.req.method,
        path: c.req.path,
        template: match?.op.path ?? null,
        locationId:
          (token ? rt.state.tokens[token]?.locationId : undefined) ??
          match?.params.locationId ??
          c.req.query('locationId') ??
          null,
      },
      rt.random,
    );
    if (!rule) return next();
    if (rule.latencyMs) {
      // Take the whole request in before the delay, as HighLevel has it once the client sent it:
      // a client that gives up during the delay must not turn the write into an empty one.
      await c.req.text();
      await rt.clock.sleep(rule.latencyMs);
    }
    if (rule.status !== undefined && !rule.commitThenFail) {
      c.res = faultResponse(rule, rule.status);
      return;
    }
    await next();
    if (rule.commitThenFail === 'status') {
      c.res = faultResponse(rule, rule.status ?? 500);
    } else if (rule.commitThenFail === 'drop') {
      c.res = new Response(null, { status: 500, headers: { [DROP_HEADER]: '1' } });
      return;
    }
    if (rule.slowBodyMs) c.res = slowBody(rt, c.res, rule.slowBodyMs);
  };
}
