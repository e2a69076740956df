/**
 * The nasty set as requests to one operation, the same on every run: each nasty value in every
 * field of the good body at once and as the whole body, in every query parameter, each nasty
 * segment as each path id, the good body under each wrong content type and as text that is not
 * JSON, and each caller that must be turned away. Deep nesting also goes into each field of the
 * good body in turn: with every field hostile, the first one refused hides the others. And
 * query parameters nobody documented.
 */
import { NASTY_SEGMENTS, NASTY_VALUES, nested } from './hostileInput.js';
import {
  operationsOf,
  plainRequest,
  queryText,
  type Caller,
  type Document,
  type FuzzRequest,
  type GoodInput,
} from './fuzzRequests.js';
import { changed, placesIn } from './jsonPlaces.js';

const WRONG_CONTENT_TYPES = [
  null,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
];
const TURNED_AWAY: Caller[] = ['no credentials', 'unknown token', 'other workspace key'];
/** Query parameters no operation documents. */
const STRAY_QUERIES = ['__proto__=1&constructor=x', 'a%00=1', '%ED%A0%80=x', 'limit=1&limit=%00'];
const DEEP = nested(10_000, 'array');

/**
 * Every nasty request to `name`, built from the request `good` describes.
 *
 * @example fc.assert(property, { examples: nastyRequests(document, 'POST /v1/workspaces', good).map((r) => [r]) });
 */
export function nastyRequests(
  document: Document,
  name: string,
  good: GoodInput = {},
): FuzzRequest[] {
  const operation = operationsOf(document).get(name)!;
  const plain = plainRequest(document, name, good);
  const queryNames = (operation.parameters ?? [])
    .filter((p) => p.in === 'query')
    .map((p) => p.name);
  const requests: FuzzRequest[] = [];

  for (const value of NASTY_VALUES) {
    if (operation.requestBody) {
      requests.push({ ...plain, body: { json: value } });
      if ('json' in plain.body) {
        requests.push({ ...plain, body: { json: everyLeaf(plain.body.json, value) } });
      }
    }
    if (queryNames.length > 0) {
      requests.push({ ...plain, query: queryNames.map((q) => `${q}=${queryText(value)}`) });
    }
  }
  for (const query of STRAY_QUERIES) requests.push({ ...plain, query: [...plain.query, query] });
  for (const segment of NASTY_SEGMENTS) {
    for (const param of Object.keys(plain.params)) {
      requests.push({ ...plain, params: { ...plain.params, [param]: segment } });
    }
  }
  if ('json' in plain.body) {
    for (const at of placesIn(plain.body.json, 'leaves')) {
      requests.push({ ...plain, body: { json: changed(plain.body.json, at, { set: DEEP }) } });
    }
  }
  if (operation.requestBody) {
    for (const contentType of WRONG_CONTENT_TYPES) requests.push({ ...plain, contentType });
    requests.push({ ...plain, body: { text: 'not json' } }, { ...plain, body: { none: true } });
  }
  if (operation.security || plain.caller === 'voice secret' || plain.caller === 'mcp token') {
    for (const caller of TURNED_AWAY) requests.push({ ...plain, caller });
  }
  return requests;
}

/** `value` with every leaf (every value that is not an object or array) replaced by `leaf`. */
function everyLeaf(value: unknown, leaf: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => everyLeaf(item, leaf));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, everyLeaf(v, leaf)]));
  }
  return leaf;
}
