/**
 * Test harness: an emulator with one Location, and `call` — a request through `emulator.fetch`
 * whose every 2xx HighLevel response is checked against the spec before the test sees it.
 */
import { createEmulator, type Emulator, type EmulatorOptions } from '../src/index.js';
import { operationTable } from '../src/operations.js';
import { highLevelRoutes } from '../src/routes/index.js';
import { assertConformant } from './conformance.js';

export const BASE = 'http://ghl.test';

const table = operationTable(highLevelRoutes.map((r) => ({ ...r, target: r })));

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  /** A form-urlencoded body instead of JSON (`/oauth/token`, `/oauth/locationToken`). */
  form?: Record<string, string>;
  /** `Version` header; null sends none. Default 2021-07-28. */
  version?: string | null;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  // Tests read arbitrary JSON shapes; the spec validation above is what types them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

/** JSON parsed; a file answer (a call recording, a transcript download) as its text or bytes. */
async function readAnswer(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith('text/')) return res.text();
  if (type !== '' && !type.includes('json')) return new Uint8Array(await res.arrayBuffer());
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export async function call(
  emulator: Emulator,
  method: string,
  path: string,
  { token, body, form, version = '2021-07-28', headers = {} }: CallOptions = {},
): Promise<CallResult> {
  const h: Record<string, string> = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (version) h.Version = version;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (form) h['Content-Type'] = 'application/x-www-form-urlencoded';
  const res = await emulator.fetch(
    new Request(BASE + path, {
      method,
      headers: h,
      body: form
        ? new URLSearchParams(form).toString()
        : body === undefined
          ? undefined
          : JSON.stringify(body),
    }),
  );
  const parsed = await readAnswer(res);
  if (res.status >= 200 && res.status < 300 && !path.startsWith('/_emulator')) {
    const match = table.match(method, new URL(BASE + path).pathname);
    if (!match) throw new Error(`${method} ${path} succeeded but matches no operation`);
    assertConformant(match.op, res.status, parsed);
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** An emulator with one Location and its full-access token, and `api` bound to that token. */
export function setup(
  options: EmulatorOptions = {},
  location: Parameters<Emulator['control']['createLocation']>[0] = {},
) {
  const emulator = createEmulator(options);
  const created = emulator.control.createLocation({ name: 'Test Location', ...location });
  const api = (method: string, path: string, opts: CallOptions = {}) =>
    call(emulator, method, path, { token: created.token, ...opts });
  return { emulator, ...created, api };
}
