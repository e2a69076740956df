/**
 * Scopes per operation: the vendored spec's `security` declares them, `@ghl-bridge/client`'s
 * generated `operations` table carries them unchanged, and the emulator enforces exactly them —
 * a token lacking the scope gets HighLevel's 401, a token holding only that scope succeeds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPES } from '../../src/index.js';
import { requiredScopes, UNDECLARED_SCOPES } from '../../src/operations.js';
import { installedApp } from '../oauth.js';
import { expectDocumentedSuccess, expectHighLevelError, specOperation } from './checks.js';
import {
  conformanceContext,
  operationOf,
  send,
  type Auth,
  type Context,
  type OperationKey,
} from './context.js';
import { conformanceTable } from './table.js';

/**
 * Item operations whose `security` lists no scope while HighLevel's Scopes.md gates them like
 * their collection; the emulator requires the collection's scope of the same kind
 * (DEVIATIONS.md, "Scopes where the spec lists none").
 */
const COLLECTION_OF: Partial<Record<OperationKey, OperationKey>> = {
  'GET /locations/{locationId}/customFields/{id}': 'GET /locations/{locationId}/customFields',
  'PUT /locations/{locationId}/customFields/{id}': 'POST /locations/{locationId}/customFields',
  'DELETE /locations/{locationId}/customFields/{id}': 'POST /locations/{locationId}/customFields',
  'GET /locations/{locationId}/tags/{tagId}': 'GET /locations/{locationId}/tags',
  'PUT /locations/{locationId}/tags/{tagId}': 'POST /locations/{locationId}/tags',
  'DELETE /locations/{locationId}/tags/{tagId}': 'POST /locations/{locationId}/tags',
};

const NOT_AUTHORIZED = 'The token is not authorized for this scope.';

const entries = Object.entries(conformanceTable).map(
  ([key, entry]) => [key as OperationKey, entry] as const,
);

/** The scopes the spec file names in the operation's `security`, whatever the scheme. */
function declaredScopes(key: OperationKey): string[] {
  const security = specOperation(operationOf(key)).security ?? [];
  return [...new Set(security.flatMap((scheme) => Object.values(scheme).flat()))].sort();
}

describe('scopes as the vendored spec declares them', () => {
  it.each(entries)('%s', (key, entry) => {
    const op = operationOf(key);
    expect([...op.scopes].sort()).toEqual(declaredScopes(key));
    // Agency-only: the spec admits agency tokens alone (`Agency-Access-Only`, or `Agency-Access`
    // with no Location scheme beside it, as `GET /companies/{companyId}` declares).
    const agencyOnly =
      op.access.length > 0 && op.access.every((scheme) => scheme.startsWith('Agency-Access'));
    expect(agencyOnly).toBe(entry.auth === 'agency');
    const collection = COLLECTION_OF[key];
    if (entry.auth === 'open') {
      expect(specOperation(op).security).toBeUndefined();
      expect(requiredScopes(op)).toEqual([]);
    } else if (UNDECLARED_SCOPES[key]) {
      expect(op.scopes).toEqual([]);
      expect(requiredScopes(op)).toEqual(UNDECLARED_SCOPES[key]);
    } else if (collection) {
      expect(op.scopes).toEqual([]);
      expect(requiredScopes(op)).toEqual(operationOf(collection).scopes);
    } else {
      expect(op.scopes).not.toEqual([]);
      expect(requiredScopes(op)).toEqual(op.scopes);
    }
  });
});

/** A token of the context's Location (or agency) holding exactly `scopes`. */
async function tokenWith(ctx: Context, auth: Auth, scopes: string[]): Promise<string> {
  if (auth === 'agency') {
    return (await installedApp(ctx.emulator, { companyId: ctx.companyId }, { scopes })).accessToken;
  }
  return ctx.emulator.control.createToken(ctx.locationId, { scopes }).token;
}

const guarded = entries.filter(([, entry]) => entry.auth !== 'open');

describe.each(guarded)('%s enforces its scope', (key, entry) => {
  const op = operationOf(key);
  const needed = requiredScopes(op);
  let ctx: Context;
  beforeAll(async () => {
    ctx = await conformanceContext();
  });

  it(`refuses a token holding every scope but ${needed.join(', ')}`, async () => {
    const token = await tokenWith(
      ctx,
      entry.auth,
      ALL_SCOPES.filter((scope) => !needed.includes(scope)),
    );
    const res = await send(ctx, key, { ...(await entry.valid(ctx)), token });
    expectHighLevelError(op, res, { status: 401, message: NOT_AUTHORIZED });
    expect(res.body).toEqual({ statusCode: 401, message: NOT_AUTHORIZED });
  });

  it.each(needed)('serves a token holding only %s', async (scope) => {
    const token = await tokenWith(ctx, entry.auth, [scope]);
    const res = await send(ctx, key, { ...(await entry.valid(ctx)), token });
    expectDocumentedSuccess(op, res);
  });
});
