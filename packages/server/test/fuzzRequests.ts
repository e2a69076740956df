/**
 * Requests to one operation of an OpenAPI document, as fast-check arbitraries: path parameters
 * valid or hostile, query parameters and JSON bodies derived from the operation's schemas (or a
 * known-good body with a few leaves swapped for hostile values), wrong content types, bodies that
 * are not JSON, and every kind of caller. A request is symbolic (`(valid)`, `workspace key`)
 * until `concreteRequest` (sendFuzzRequest.ts) fills in the ids and keys of the moment, so a
 * counterexample reads well and still reproduces against a fresh server.
 */
import fc from 'fast-check';
import {
  contentType,
  headerValue,
  hostileBodyText,
  hostileQueryValue,
  hostileSegment,
  hostileValue,
  jsonText,
  percentEncoded,
  PROTOTYPE_KEYS,
  strayQueryName,
} from './hostileInput.js';
import { changed, placesIn, type Change } from './jsonPlaces.js';
import { schemaArbitrary, type JsonSchema } from './schemaArbitrary.js';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, unknown>;
  security?: unknown[];
}

export interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** Who calls: the names `concreteRequest` turns into an Authorization or Vapi header. */
export type Caller =
  | 'admin'
  | 'workspace key'
  | 'other workspace key'
  | 'voice secret'
  | 'voice secret as X-Vapi-Secret'
  | 'mcp token'
  | 'no credentials'
  | 'unknown token'
  | 'not a bearer header';

export type FuzzBody = { json: unknown } | { text: string } | { none: true };

export interface FuzzRequest {
  method: string;
  /** The document's path, `{name}` for each parameter. */
  path: string;
  /** `(valid)`, `(other workspace)` or a percent-encoded segment, by parameter. */
  params: Record<string, string>;
  /** Percent-encoded `name=value` pairs. */
  query: string[];
  caller: Caller;
  headers: Record<string, string>;
  /** `null`: no Content-Type header. */
  contentType: string | null;
  body: FuzzBody;
}

/** What an operation's fuzzing starts from besides its schemas: values known to be accepted. */
export interface GoodInput {
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export const VALID = '(valid)';
export const OTHER_WORKSPACE = '(other workspace)';

/** Every operation of `document`, as `METHOD /path`. */
export function operationsOf(document: Document): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      operations.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }
  return operations;
}

/**
 * Requests to `name` (`POST /v1/workspaces`), derived from its schemas in `document`, with
 * `good` inputs to mutate.
 *
 * @example fc.sample(requestArbitrary(document, 'GET /v1/workspaces', { query: { limit: '2' } }), 5)
 */
export function requestArbitrary(
  document: Document,
  name: string,
  good: GoodInput = {},
): fc.Arbitrary<FuzzRequest> {
  const operation = operationsOf(document).get(name);
  if (!operation) throw new Error(`${name} is not in the document`);
  const [method, path] = name.split(' ') as [string, string];
  const parameters = operation.parameters ?? [];
  const derive = (schema: JsonSchema = {}) =>
    schemaArbitrary(schema, { components: document.components.schemas, mode: 'fuzzing' });
  const canCarryBody = method !== 'GET' && method !== 'HEAD';
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  return fc.record({
    method: fc.constant(method),
    path: fc.constant(path),
    params: pathParameters(parameters.filter((p) => p.in === 'path')),
    query: queryParameters(
      parameters.filter((p) => p.in === 'query'),
      good.query ?? {},
      derive,
    ),
    caller: callerFor(path, operation),
    headers: headerParameters(
      parameters.filter((p) => p.in === 'header'),
      good.headers ?? {},
    ),
    contentType: canCarryBody ? contentType : fc.constant(null),
    body: canCarryBody ? bodyFor(schema && derive(schema), good.body) : fc.constant({ none: true }),
  });
}

function pathParameters(parameters: Parameter[]): fc.Arbitrary<Record<string, string>> {
  const valueFor = (p: Parameter) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.constant(VALID) },
      { weight: p.name === 'ws' ? 1 : 0, arbitrary: fc.constant(OTHER_WORKSPACE) },
      { weight: 3, arbitrary: hostileSegment },
    );
  return fc.record(Object.fromEntries(parameters.map((p) => [p.name, valueFor(p)])));
}

/** Each documented parameter or none, good, derived or hostile; and up to two stray ones. */
function queryParameters(
  parameters: Parameter[],
  good: Record<string, string>,
  derive: (schema?: JsonSchema) => fc.Arbitrary<unknown>,
): fc.Arbitrary<string[]> {
  const pair = (p: Parameter) =>
    fc
      .oneof(
        {
          weight: good[p.name] ? 4 : 0,
          arbitrary: fc.constant(encodeURIComponent(good[p.name] ?? '')),
        },
        { weight: 3, arbitrary: derive(p.schema).map(queryText) },
        { weight: 2, arbitrary: hostileQueryValue },
      )
      .map((value) => `${encodeURIComponent(p.name)}=${value}`);
  const stray = fc
    .tuple(fc.oneof(strayQueryName, fc.constantFrom('limit', 'status')), hostileQueryValue)
    .map(([name, value]) => `${name}=${value}`);
  return fc
    .tuple(
      fc.tuple(...parameters.map((p) => fc.option(pair(p), { freq: 3 }))),
      fc.array(stray, { maxLength: 2 }),
    )
    .map(([known, more]) => [...known.filter((q): q is string => q !== null), ...more]);
}

/** Each documented header or none, and now and then an odd X-Request-Id. */
function headerParameters(
  parameters: Parameter[],
  good: Record<string, string>,
): fc.Arbitrary<Record<string, string>> {
  const value = (name: string) =>
    fc.oneof(fc.constant(good[name] ?? 'fuzz-key'), fc.uuid(), headerValue);
  return fc
    .tuple(
      ...parameters.map((p) =>
        fc.option(value(p.name), { freq: 4 }).map((v) => [p.name, v] as const),
      ),
      fc.option(headerValue, { freq: 6 }).map((v) => ['x-request-id', v] as const),
    )
    .map((pairs) =>
      Object.fromEntries(
        pairs.filter((pair): pair is readonly [string, string] => pair[1] !== null),
      ),
    );
}

/**
 * A body derived from the operation's schema, the good body mutated or as it is, a hostile value
 * or text, or none; mostly none for an operation that takes no body.
 */
function bodyFor(
  derived: fc.Arbitrary<unknown> | undefined,
  good: unknown,
): fc.Arbitrary<FuzzBody> {
  const none = fc.constant<FuzzBody>({ none: true });
  const hostile = fc.oneof(
    hostileValue.map((json): FuzzBody => ({ json })),
    hostileBodyText.map((text): FuzzBody => ({ text })),
  );
  if (!derived) return fc.oneof({ weight: 5, arbitrary: none }, { weight: 1, arbitrary: hostile });
  const hasGood = good !== undefined;
  return fc.oneof(
    { weight: 3, arbitrary: derived.map((json): FuzzBody => ({ json })) },
    { weight: hasGood ? 4 : 0, arbitrary: mutated(good).map((json): FuzzBody => ({ json })) },
    { weight: hasGood ? 1 : 0, arbitrary: fc.constant<FuzzBody>({ json: good }) },
    { weight: 2, arbitrary: hostile },
    { weight: 1, arbitrary: none },
  );
}

/**
 * The request `good` describes, as the operation's usual caller sends it: valid path ids, the
 * good query, headers and body. The nasty set is put into copies of it.
 */
export function plainRequest(document: Document, name: string, good: GoodInput = {}): FuzzRequest {
  const operation = operationsOf(document).get(name);
  if (!operation) throw new Error(`${name} is not in the document`);
  const [method, path] = name.split(' ') as [string, string];
  const parameters = operation.parameters ?? [];
  const hasBody = operation.requestBody !== undefined;
  return {
    method,
    path,
    params: Object.fromEntries(
      parameters.filter((p) => p.in === 'path').map((p) => [p.name, VALID]),
    ),
    query: Object.entries(good.query ?? {}).map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
    caller: path.endsWith('/voice/vapi')
      ? 'voice secret'
      : path.endsWith('/mcp')
        ? 'mcp token'
        : operation.security
          ? 'admin'
          : 'no credentials',
    headers: { ...good.headers },
    contentType: hasBody ? 'application/json' : null,
    body: good.body === undefined ? (hasBody ? { json: {} } : { none: true }) : { json: good.body },
  };
}

function callerFor(path: string, operation: Operation): fc.Arbitrary<Caller> {
  if (path.endsWith('/mcp')) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant<Caller>('mcp token') },
      {
        weight: 1,
        arbitrary: fc.constantFrom<Caller>(
          'workspace key',
          'admin',
          'no credentials',
          'unknown token',
        ),
      },
    );
  }
  if (path.endsWith('/voice/vapi')) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant<Caller>('voice secret') },
      {
        weight: 1,
        arbitrary: fc.constantFrom<Caller>(
          'voice secret as X-Vapi-Secret',
          'admin',
          'no credentials',
          'unknown token',
        ),
      },
    );
  }
  if (!operation.security) return fc.constantFrom<Caller>('no credentials', 'admin');
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<Caller>('admin', 'workspace key') },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Caller>(
        'other workspace key',
        'no credentials',
        'unknown token',
        'not a bearer header',
      ),
    },
  );
}

/** A query value for `value`, percent-encoded; objects and arrays as JSON, as a careless client. */
export function queryText(value: unknown): string {
  const text = typeof value === 'string' ? value : jsonText(value);
  return percentEncoded(text);
}

/** `good` with one to three places replaced by a hostile value, dropped, or given a stray key. */
function mutated(good: unknown): fc.Arbitrary<unknown> {
  const places = placesIn(good);
  const change: fc.Arbitrary<Change> = fc.oneof(
    { weight: 4, arbitrary: hostileValue.map((set) => ({ set })) },
    { weight: 1, arbitrary: fc.constant({ drop: true as const }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('unknownKey', ...PROTOTYPE_KEYS), hostileValue)
        .map(([add, value]) => ({ add, value })),
    },
  );
  return fc
    .array(fc.tuple(fc.constantFrom(...places), change), { minLength: 1, maxLength: 3 })
    .map((changes) => changes.reduce((value, [at, what]) => changed(value, at, what), good));
}
