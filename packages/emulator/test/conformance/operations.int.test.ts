/**
 * Every implemented HighLevel operation on its success path and its main error paths: the
 * success status is the one the spec documents and its body fits the
 * operation's schema; errors carry HighLevel's `{statusCode, message}` and fit the spec's error
 * DTO wherever the operation declares one. One emulator per operation.
 */
import { beforeAll, describe, it } from 'vitest';
import { documentedSuccess, expectDocumentedSuccess, expectHighLevelError } from './checks.js';
import {
  conformanceContext,
  operationOf,
  send,
  tokenFor,
  type Context,
  type OperationKey,
} from './context.js';
import { conformanceTable } from './table.js';

describe.each(Object.entries(conformanceTable))('%s', (name, entry) => {
  const key = name as OperationKey;
  const op = operationOf(key);
  let ctx: Context;
  beforeAll(async () => {
    ctx = await conformanceContext();
  });

  it(`succeeds with ${documentedSuccess(op)} and a body that fits the spec`, async () => {
    const valid = await entry.valid(ctx);
    const res = await send(ctx, key, { token: tokenFor(ctx, entry.auth), ...valid });
    expectDocumentedSuccess(op, res);
  });

  it.each(entry.errors)('$name: $status', async ({ status, attempt }) => {
    const { exchange, message } = await attempt(ctx);
    const res = await send(ctx, key, { token: tokenFor(ctx, entry.auth), ...exchange });
    expectHighLevelError(op, res, { status, message });
  });
});
