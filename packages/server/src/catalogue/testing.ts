/**
 * For tests: reading an entry's output schema the way a trigger reads HighLevel's answer, to
 * check that the fields it watches are there.
 */
import type { JsonSchema } from './core/entry.js';

type Schemas = JsonSchema[];

/** `$ref`s resolved against the root's `$defs`; `allOf`, `anyOf`, `oneOf` opened up. */
function expand(root: JsonSchema, schema: JsonSchema): Schemas {
  const ref = schema.$ref as string | undefined;
  if (ref !== undefined) {
    const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
    return expand(root, defs[ref.replace('#/$defs/', '')] ?? {});
  }
  const parts = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => (schema[k] ?? []) as Schemas);
  return [schema, ...parts.flatMap((p) => expand(root, p))];
}

function step(root: JsonSchema, schemas: Schemas, key: string): Schemas {
  return schemas.flatMap((s) => {
    const next =
      key === '*'
        ? s.additionalProperties
        : (s.properties as Record<string, JsonSchema> | undefined)?.[key];
    return typeof next === 'object' && next !== null ? expand(root, next as JsonSchema) : [];
  });
}

/**
 * The property names of the items at `list` (a dotted path, `''` for the answer itself), or
 * undefined when the schema describes no fields there (a file, an undescribed answer). Throws
 * when the schema has nothing at `list`.
 *
 * @example itemFields(findCatalogueEntry('get-contact')!.output, 'contact', 'one') // ['id', …]
 */
export function itemFields(
  output: JsonSchema,
  list: string,
  holds: 'many' | 'one',
): string[] | undefined {
  let at = expand(output, output);
  for (const key of list === '' ? [] : list.split('.')) at = step(output, at, key);
  if (holds === 'many') {
    at = at.flatMap((s) => (s.items ? expand(output, s.items as JsonSchema) : []));
  }
  if (at.length === 0) throw new Error(`the answer has nothing at ${list || 'its root'}`);
  const fields = at.flatMap((s) => Object.keys(s.properties ?? {}));
  const primitive = at.some((s) => typeof s.type === 'string' && s.type !== 'object');
  return fields.length > 0 ? fields : primitive ? [] : undefined;
}
