/**
 * Text PostgreSQL cannot store. `text` and `jsonb` refuse the NUL character (`\u0000`), and an
 * unpaired UTF-16 surrogate (`\ud800` written as a JSON escape) is no character at all: it cannot
 * be encoded as UTF-8. Both are refused where a request enters, before they reach a query.
 * https://www.postgresql.org/docs/current/datatype-json.html
 */

/** A lone high surrogate not followed by a low one, or a lone low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * `text` with what PostgreSQL cannot store replaced by U+FFFD: for text that is not the caller's
 * to refuse (HighLevel's answers).
 *
 * @example storableText('a\u0000b') // 'a\ufffdb'
 */
export function storableText(text: string): string {
  return text
    .replaceAll('\u0000', '\ufffd')
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
}

/** At most this many problems are listed, so a body full of them gets a short answer. */
const MAX_PROBLEMS = 20;

export interface TextProblem {
  /** Where the text is: the field path in a JSON body (`customer.firstName`, `items.0`). */
  path: Array<string | number>;
  message: string;
}

/**
 * Why `text` cannot be stored, or undefined when it can.
 *
 * @example unstorableTextProblem('Ada\u0000') // "contains a NUL character (\\u0000) …"
 */
export function unstorableTextProblem(text: string): string | undefined {
  if (text.includes('\u0000')) {
    return 'contains a NUL character (\\u0000), which cannot be stored; remove it';
  }
  if (LONE_SURROGATE.test(text)) {
    return 'contains an unpaired UTF-16 surrogate (like \\ud800), which is not a character; send valid Unicode text';
  }
  return undefined;
}

/**
 * Every string in a parsed JSON value (object keys included) that cannot be stored, with its path.
 *
 * @example unstorableTextIn({ customer: { firstName: 'A\u0000' } })
 * // [{ path: ['customer', 'firstName'], message: 'contains a NUL character …' }]
 */
export function unstorableTextIn(value: unknown): TextProblem[] {
  const problems: TextProblem[] = [];
  // Its own stack, not recursion, and each place a link to its parent, its path written out only
  // for a problem: a body nested 100,000 deep costs neither the call stack nor quadratic time.
  type Place = { node: unknown; key?: string | number; parent?: Place };
  const pathOf = (place: Place): Array<string | number> => {
    const path: Array<string | number> = [];
    for (let at: Place | undefined = place; at?.parent; at = at.parent) path.push(at.key!);
    return path.reverse();
  };
  const pending: Place[] = [{ node: value }];
  while (pending.length > 0 && problems.length < MAX_PROBLEMS) {
    const place = pending.pop()!;
    const { node } = place;
    if (typeof node === 'string') {
      const message = unstorableTextProblem(node);
      if (message) problems.push({ path: pathOf(place), message });
    } else if (Array.isArray(node)) {
      for (let index = node.length - 1; index >= 0; index--) {
        pending.push({ node: node[index], key: index, parent: place });
      }
    } else if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node);
      for (const [key] of entries) {
        const keyProblem = unstorableTextProblem(key);
        if (keyProblem)
          problems.push({ path: pathOf(place), message: `a field name ${keyProblem}` });
      }
      for (const [key, item] of entries.reverse()) {
        if (!unstorableTextProblem(key)) pending.push({ node: item, key, parent: place });
      }
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}

/**
 * A copy of a parsed JSON value whose every string and key the database can store: each NUL and
 * unpaired surrogate replaced by U+FFFD. For data the bridge must keep even when it holds such
 * text (a signed webhook from HighLevel, which is never sent again), not for requests, which are
 * refused instead so their sender can fix them.
 *
 * @example storableCopy({ note: 'A\u0000B' }) // { note: 'A\uFFFDB' }
 */
export function storableCopy(value: unknown): unknown {
  if (typeof value === 'string') return storableString(value);
  if (Array.isArray(value)) return value.map(storableCopy);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [storableString(key), storableCopy(item)]),
    );
  }
  return value;
}

const UNSTORABLE = new RegExp(`\\u0000|${LONE_SURROGATE.source}`, 'g');

function storableString(text: string): string {
  return text.replace(UNSTORABLE, '\ufffd');
}
