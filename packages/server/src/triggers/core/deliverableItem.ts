/**
 * An item as it can be delivered (and stored until it is): JSON text PostgreSQL can store. A
 * trigger whose answer is a file (a call recording) is told by the file's digest and size, not its
 * bytes; a NUL character or a broken surrogate in HighLevel's text becomes U+FFFD.
 * https://www.postgresql.org/docs/current/datatype-json.html
 */
import { createHash } from 'node:crypto';
import { storableText } from '../../core/storableText.js';

function clean(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        clean(k) as string,
        clean(v),
      ]),
    );
  }
  return value;
}

/**
 * @example deliverableItem('RIFF\u0000\u0000WAVE…') // { file: { sha256: '…', length: 10 } }
 * @example deliverableItem({ body: 'Hi' }) // { body: 'Hi' }
 */
export function deliverableItem(item: unknown): unknown {
  if (typeof item === 'string' && item.includes('\u0000')) {
    return {
      file: { sha256: createHash('sha256').update(item).digest('hex'), length: item.length },
    };
  }
  return clean(item);
}
