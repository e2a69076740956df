/**
 * The app's contacts, notes and tasks from the outside, for integration tests: PUTs and DELETEs as
 * a booking app sends them, waiting until HighLevel has every change, and the HighLevel calls the
 * bridge made for a Location.
 */
import { expect } from 'vitest';
import type { ConnectedWorkspace } from './bookings.js';
import type { TestServer } from './harness.js';
import { waitFor } from './waitFor.js';

export interface AppItemView {
  id: string;
  version: number;
  status: string;
  error: string | null;
  highLevelId: string | null;
  deleted: boolean;
}

export interface AppContactView {
  externalId: string;
  version: number;
  status: string;
  error: string | null;
  contactId: string | null;
  outcome?: string;
  problems: { field: string; code: string; message: string }[];
  notes: AppItemView[];
  tasks: AppItemView[];
}

/** Calls the bridge as the workspace's app: `path` under `/v1/workspaces/:ws/contacts/`. */
export async function appCall(
  server: TestServer,
  ws: Pick<ConnectedWorkspace, 'id'>,
  method: string,
  path: string,
  json?: unknown,
) {
  const res = await server.call(method, `/v1/workspaces/${ws.id}/contacts/${path}`, {
    ...(json === undefined ? {} : { json }),
  });
  return { status: res.status, body: JSON.parse(res.text || '{}') as Record<string, unknown> };
}

/** PUTs `json` to `path`, expecting `status`. */
export async function put(
  server: TestServer,
  ws: Pick<ConnectedWorkspace, 'id'>,
  path: string,
  json: unknown,
  status = 202,
) {
  const res = await appCall(server, ws, 'PUT', path, json);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** The contact once neither it nor any of its notes and tasks is `pending`. */
export function settled(
  server: TestServer,
  ws: Pick<ConnectedWorkspace, 'id'>,
  externalId: string,
): Promise<AppContactView> {
  return waitFor(
    async () => {
      const res = await appCall(server, ws, 'GET', externalId);
      const view = res.body as unknown as AppContactView;
      const all = [view, ...view.notes, ...view.tasks];
      return all.every((record) => record.status !== 'pending') && view;
    },
    { what: `contact ${externalId} written to HighLevel`, timeoutMs: 30_000 },
  );
}

/** The HighLevel calls made for the Location so far, as `METHOD path-template`. */
export function highLevelCalls(server: TestServer, locationId: string): string[] {
  return server.emulator.control
    .requests({ locationId })
    .map((request) => `${request.method} ${request.operation ?? request.path}`);
}
