import { HighLevelError } from './errors.js';
import type { OperationInfo } from './operation.js';
import { findOperation, isIdempotent } from './operationTable.js';
import type { PreparedRequest } from './pipeline.js';
import type { RawRequestOptions } from './types.js';
import type { AuthProvider } from './auth/types.js';

/** Services whose spec operations all carry one Version; used only for paths the spec lacks. */
const FALLBACK_VERSIONS: Array<[prefix: string, version: string]> = [
  ['/calendars', '2021-04-15'],
  ['/conversations', '2021-04-15'],
];

function fallbackVersion(path: string): string {
  return FALLBACK_VERSIONS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? '2021-07-28';
}

function fillPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') {
      throw new HighLevelError('validation', `Missing path parameter "${name}" for ${template}`);
    }
    return encodeURIComponent(String(value));
  });
}

/** A query or form value as text: objects as JSON (HighLevel takes no nested form encoding). */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return value.toString();
  return JSON.stringify(value);
}

function appendQuery(url: URL, query: Record<string, unknown> = {}): void {
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      url.searchParams.append(key, asText(item));
    }
  }
}

function encodeBody(
  body: unknown,
  bodyType: 'json' | 'form' | 'multipart',
  headers: Headers,
): PreparedRequest['body'] {
  if (body === undefined) return undefined;
  if (bodyType === 'multipart' || body instanceof FormData) return body as FormData;
  if (bodyType === 'form') {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (v !== undefined && v !== null) form.append(k, asText(v));
    }
    return form;
  }
  headers.set('content-type', 'application/json');
  return JSON.stringify(body);
}

function stringField(source: unknown, key: string): string | undefined {
  const value = (source as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export interface PrepareContext {
  baseUrl: string;
  auth: AuthProvider | null;
  timeoutMs: number;
  userAgent: string;
}

/**
 * Builds the request for `method` + path template: URL, the spec's `Version` header, the body in
 * the spec's encoding, and the Location it acts on (for the rate limit and agency tokens).
 */
export function prepareRequest(
  method: string,
  pathTemplate: string,
  options: RawRequestOptions,
  context: PrepareContext,
): PreparedRequest {
  const upper = method.toUpperCase();
  const operation: OperationInfo | undefined = findOperation(upper, pathTemplate);
  const url = new URL(context.baseUrl.replace(/\/+$/, '') + fillPath(pathTemplate, options.path));
  appendQuery(url, options.query);

  const headers = new Headers({ accept: 'application/json', 'user-agent': context.userAgent });
  const version = operation ? operation.version : fallbackVersion(pathTemplate);
  if (version) headers.set('version', version);
  const bodyType = options.bodyType ?? operation?.bodyType ?? 'json';
  const body = encodeBody(options.body, bodyType, headers);

  const resourceId =
    options.locationId ??
    (options.path?.locationId as string | undefined) ??
    stringField(options.query, 'locationId') ??
    stringField(options.query, 'location_id') ??
    stringField(options.body, 'locationId') ??
    context.auth?.resourceId;

  return {
    method: upper,
    pathTemplate,
    url,
    headers,
    body,
    operation,
    idempotent: isIdempotent(upper, pathTemplate),
    resourceId,
    priority: options.priority ?? 'normal',
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? context.timeoutMs,
    auth: context.auth,
    attempt: 1,
  };
}
