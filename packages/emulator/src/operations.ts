/**
 * Maps a request to the spec operation it calls (method + path template), so that scopes,
 * `Version` handling and request logs come from `@ghl-bridge/client`'s `operations` table, which
 * is generated from HighLevel's OpenAPI files — never typed by hand.
 */
import { operations, type OperationInfo } from '@ghl-bridge/client';

const byKey = new Map(operations.map((op) => [`${op.method} ${op.path}`, op]));

/** The spec operation for `method` + `path` template; throws when the spec has none. */
export function findOperation(method: string, path: string): OperationInfo {
  const op = byKey.get(`${method.toUpperCase()} ${path}`);
  if (!op) throw new Error(`No HighLevel operation ${method} ${path} in the vendored spec`);
  return op;
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Operations the spec declares without any security, and no collection to borrow a scope from,
 * while they write a Location's records: the emulator asks for the scope of their records'
 * other writes. Assumed; see DEVIATIONS.md ("Scopes where the spec lists none").
 */
export const UNDECLARED_SCOPES: Readonly<Record<string, string[]>> = {
  'POST /contacts/bulk/tags/update/{type}': ['contacts.write'],
  // Its sibling `GET /conversations/messages/{id}` reads the same message.
  'GET /conversations/messages/email/{id}': ['conversations/message.readonly'],
  // Links contacts to a business: a contacts write.
  'POST /contacts/bulk/business': ['contacts.write'],
  // HighLevel's Scopes.md gates `GET /snapshots` by `snapshots.readonly`; the spec lists none.
  'GET /snapshots/': ['snapshots.readonly'],
};

/**
 * The scopes a token needs for `op`. Some item routes list no scope in the spec
 * (`/locations/{locationId}/customFields/{id}`, `/locations/{locationId}/tags/{tagId}`, …) while
 * HighLevel's Scopes.md gates them like their collection; for those the scope of the parent
 * path's operation of the same kind (read or write) applies. See DEVIATIONS.md.
 */
export function requiredScopes(op: OperationInfo): string[] {
  if (op.scopes.length > 0) return op.scopes;
  const undeclared = UNDECLARED_SCOPES[`${op.method} ${op.path}`];
  if (undeclared) return undeclared;
  const parent = op.path.replace(/\/[^/]+$/, '');
  const read = READ_METHODS.has(op.method);
  const sibling = operations.find(
    (o) => o.path === parent && READ_METHODS.has(o.method) === read && o.scopes.length > 0,
  );
  return sibling?.scopes ?? [];
}

export interface OperationMatch<T> {
  op: OperationInfo;
  params: Record<string, string>;
  target: T;
}

interface Entry<T> {
  op: OperationInfo;
  regex: RegExp;
  names: string[];
  target: T;
  staticLength: number;
}

/** Trailing slashes are optional, as in HighLevel's (Express) routing: `/contacts` = `/contacts/`. */
const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/**
 * A matcher over a set of operations. Static segments win over parameters
 * (`/contacts/search` before `/contacts/{contactId}`).
 *
 * @example
 * const table = operationTable([{ method: 'GET', path: '/contacts/{contactId}', target: handler }]);
 * table.match('GET', '/contacts/abc')?.params.contactId; // 'abc'
 */
export function operationTable<T>(defs: { method: string; path: string; target: T }[]) {
  const entries: Entry<T>[] = defs.map(({ method, path, target }) => {
    const op = findOperation(method, path);
    const names: string[] = [];
    const pattern = trimSlash(path)
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(param[1]!);
        return '([^/]+)';
      })
      .join('/');
    return {
      op,
      regex: new RegExp(`^${pattern}$`),
      names,
      target,
      staticLength: path.replace(/\{\w+\}/g, '').length,
    };
  });
  entries.sort((a, b) => a.names.length - b.names.length || b.staticLength - a.staticLength);

  return {
    match(method: string, path: string): OperationMatch<T> | null {
      const wanted = method.toUpperCase();
      const trimmed = trimSlash(path);
      for (const entry of entries) {
        if (entry.op.method !== wanted) continue;
        const m = entry.regex.exec(trimmed);
        if (!m) continue;
        const params: Record<string, string> = {};
        entry.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
        return { op: entry.op, params, target: entry.target };
      }
      return null;
    },
    /** Path templates of every operation in the table, e.g. for a 404 hint or the README. */
    operations: () => entries.map((e) => e.op),
  };
}

export type OperationTable<T> = ReturnType<typeof operationTable<T>>;
