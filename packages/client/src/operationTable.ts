import { operations } from './generated/operations.js';
import type { OperationInfo } from './operation.js';

const byKey = new Map<string, OperationInfo>(
  operations.map((op) => [`${op.method} ${op.path}`, op]),
);

/** The spec's entry for `method` + path template, or undefined for a path the spec lacks. */
export function findOperation(method: string, pathTemplate: string): OperationInfo | undefined {
  return byKey.get(`${method.toUpperCase()} ${pathTemplate}`);
}

/**
 * POSTs that are safe to repeat: upserts match on email/phone (or id) instead of creating a
 * second record, searches only read, and adding or removing the same tags twice leaves the same
 * tags. Every other POST creates something and is never re-sent when its outcome is unknown.
 */
const IDEMPOTENT_POSTS = new Set([
  '/contacts/upsert',
  '/contacts/search',
  '/contacts/{contactId}/tags',
  '/opportunities/upsert',
]);

/** Whether sending the request twice has the same effect as sending it once. */
export function isIdempotent(method: string, pathTemplate: string): boolean {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS' || m === 'PUT' || m === 'DELETE') return true;
  return m === 'POST' && (IDEMPOTENT_POSTS.has(pathTemplate) || pathTemplate.endsWith('/search'));
}
