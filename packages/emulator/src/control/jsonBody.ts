import type { Context } from 'hono';
import { ControlError } from './controlError.js';

/** A control request's JSON object body (`{}` when empty); 400 `invalid_json` otherwise. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ControlError(400, 'invalid_json', 'The body must be a JSON object');
}
