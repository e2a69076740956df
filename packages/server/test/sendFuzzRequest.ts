/**
 * A symbolic fuzz request made concrete (the ids and keys of the moment filled in) and sent to the
 * app in process, as a client sends it: the body as bytes with their Content-Length, and no
 * Content-Type unless the request has one.
 */
import { jsonText } from './hostileInput.js';
import { OTHER_WORKSPACE, VALID, type FuzzRequest } from './fuzzRequests.js';

/** The ids and keys a symbolic request is filled in with. */
export interface FuzzTargets {
  adminToken: string;
  workspaceKey: string;
  otherWorkspace: { id: string; apiKey: string };
  voiceSecret: string;
  /** A read-only MCP client's token of the valid workspace. */
  mcpToken: string;
  /** A valid value for each path parameter, by name (`ws`, `bookingId`, …). */
  valid: Record<string, string>;
}

export interface ConcreteRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * `request` with its ids and credentials filled in, as a client sends it: the body's bytes with
 * their Content-Length, and no Content-Type when the request has none.
 */
export function concreteRequest(request: FuzzRequest, targets: FuzzTargets): ConcreteRequest {
  const path = request.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const given = request.params[name]!;
    if (given === OTHER_WORKSPACE) return targets.otherWorkspace.id;
    if (given !== VALID) return given;
    const valid = targets.valid[name];
    if (valid === undefined) throw new Error(`No valid value for the path parameter ${name}`);
    return encodeURIComponent(valid);
  });
  const url = request.query.length > 0 ? `${path}?${request.query.join('&')}` : path;
  const headers: Record<string, string> = { ...request.headers, ...credentials(request, targets) };
  const body =
    'json' in request.body
      ? jsonText(request.body.json)
      : 'text' in request.body
        ? request.body.text
        : undefined;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  if (request.contentType !== null) headers['content-type'] = request.contentType;
  return { method: request.method, url, headers, ...(body === undefined ? {} : { body }) };
}

function credentials(request: FuzzRequest, targets: FuzzTargets): Record<string, string> {
  switch (request.caller) {
    case 'admin':
      return { authorization: `Bearer ${targets.adminToken}` };
    case 'workspace key':
      return { authorization: `Bearer ${targets.workspaceKey}` };
    case 'other workspace key':
      return { authorization: `Bearer ${targets.otherWorkspace.apiKey}` };
    case 'voice secret':
      return { authorization: `Bearer ${targets.voiceSecret}` };
    case 'voice secret as X-Vapi-Secret':
      return { 'x-vapi-secret': targets.voiceSecret };
    case 'mcp token':
      return { authorization: `Bearer ${targets.mcpToken}` };
    case 'unknown token':
      return { authorization: 'Bearer ghlb_unknown0000000000000000000000' };
    case 'not a bearer header':
      return { authorization: 'Basic YWRtaW46YWRtaW4=' };
    case 'no credentials':
      return {};
  }
}

export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

/**
 * Sends `request` to `fetch` (the app's, in process) and reads the whole answer; an answer that
 * takes longer than `timeoutMs` is a 599 whose text says so.
 */
export async function send(
  fetch: (url: string, init: RequestInit) => Response | Promise<Response>,
  request: ConcreteRequest,
  timeoutMs = 15_000,
): Promise<Answer> {
  // The body goes as bytes, so nothing adds a Content-Type the request does not have.
  const body = request.body === undefined ? undefined : new TextEncoder().encode(request.body);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Answer>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 599, contentType: null, text: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const answer = (async (): Promise<Answer> => {
    const res = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body,
    });
    return {
      status: res.status,
      contentType: res.headers.get('content-type'),
      text: await res.text(),
    };
  })();
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
