/**
 * Whether a webhook body the bridge sent is what /openapi.json says it is: its type's schema
 * (`webhooksOut/payloadSchemas.ts`) takes it, and it carries no field the schema leaves out (a
 * field an emitter added without documenting it). The test receiver checks every body with it.
 */
import { WebhookPayloadSchema } from '../src/webhooksOut/payloadSchemas.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const at = (where: string, key: string | number) =>
  typeof key === 'number' ? `${where}[${key}]` : where ? `${where}.${key}` : key;

/** The places in `sent` that parsing dropped: fields the schema does not know. */
function undocumented(sent: unknown, parsed: unknown, where: string): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed)) {
    return sent.flatMap((value, i) => undocumented(value, parsed[i], at(where, i)));
  }
  if (!isObject(sent) || !isObject(parsed)) return [];
  return Object.keys(sent).flatMap((key) =>
    key in parsed ? undocumented(sent[key], parsed[key], at(where, key)) : [at(where, key)],
  );
}

/**
 * What is wrong with `body` as a webhook of the bridge, in words; empty when nothing is.
 *
 * @example payloadProblems('{"type":"booking.synced","timestamp":"…","data":{}}')
 * // ['booking.synced: data.workspaceId: Invalid input: expected string, received undefined', …]
 */
export function payloadProblems(body: string): string[] {
  let sent: unknown;
  try {
    sent = JSON.parse(body);
  } catch {
    return [`not JSON: ${body.slice(0, 80)}`];
  }
  const type = isObject(sent) ? String(sent.type) : 'no type';
  const result = WebhookPayloadSchema.safeParse(sent);
  if (!result.success) {
    return result.error.issues.map((issue) => `${type}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return undocumented(sent, result.data, '').map((where) => `${type}: ${where}: not in its schema`);
}
