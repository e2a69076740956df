/**
 * The `cursor` of a workspace's paged listings (`nextCursor` of one page, passed back for the
 * next): opaque to callers, it names the workspace listed and the item the page stopped at, so a
 * cursor of another workspace's listing is refused instead of paging through the wrong one.
 */
import { z } from '@hono/zod-openapi';
import { HttpError } from './httpError.js';

const CursorSchema = z.object({ ws: z.string(), after: z.string() });

/**
 * The 422 for a cursor that cannot be used, naming the field.
 *
 * @example throw invalidCursor('This cursor points at no job of this workspace; …');
 */
export function invalidCursor(message: string): HttpError {
  return new HttpError(422, 'invalid_cursor', message, {
    fields: [{ path: 'cursor', message }],
  });
}

/**
 * @example encodeCursor('ws_1', 'job_9') // 'eyJ3cyI6IndzXzEiLCJhZnRlciI6ImpvYl85In0'
 */
export function encodeCursor(ws: string, after: string): string {
  return Buffer.from(JSON.stringify({ ws, after })).toString('base64url');
}

/**
 * The item a cursor of `ws`'s listing stopped at; a 422 for any other text. `items` names what is
 * listed, for the message ("jobs").
 *
 * @example const after = cursor === undefined ? undefined : decodeCursor(cursor, ws, 'jobs');
 */
export function decodeCursor(cursor: string, ws: string, items: string): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = CursorSchema.safeParse(decoded);
  if (!parsed.success) {
    throw invalidCursor(
      'This cursor is not one this server gave out; pass `nextCursor` exactly as received, or leave it out to start from the newest.',
    );
  }
  if (parsed.data.ws !== ws) {
    throw invalidCursor(
      `This cursor belongs to another workspace's listing; leave it out to list the ${items} of ${ws} from the newest.`,
    );
  }
  return parsed.data.after;
}
