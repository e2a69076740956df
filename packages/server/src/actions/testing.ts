/**
 * For tests: the smallest input an action's schema accepts, to run an action whose HighLevel
 * operation is not emulated yet and see how its refusal is told.
 */
import type { CatalogueEntry, JsonSchema } from '../catalogue/core/entry.js';

function resolve(root: JsonSchema, schema: JsonSchema): JsonSchema {
  const ref = schema.$ref as string | undefined;
  if (ref === undefined) return schema;
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  return resolve(root, defs[ref.replace('#/$defs/', '')] ?? {});
}

function smallest(root: JsonSchema, node: JsonSchema, depth: number): unknown {
  const schema = resolve(root, node);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const parts = (schema.allOf ?? schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (parts && parts.length > 0) {
    if (!schema.allOf) return smallest(root, parts[0]!, depth);
    return Object.assign({}, ...(parts.map((p) => smallest(root, p, depth)) as object[]));
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[])[0] : schema.type;
  switch (type) {
    case 'string':
      return 'x'.repeat(Math.max(1, (schema.minLength as number | undefined) ?? 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array': {
      const count = (schema.minItems as number | undefined) ?? 0;
      const items = (schema.items ?? {}) as JsonSchema;
      return Array.from({ length: count }, () => smallest(root, items, depth + 1));
    }
    case 'null':
      return null;
    default: {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      if (depth > 6) return {};
      return Object.fromEntries(
        required
          .filter((name) => properties[name] !== undefined)
          .map((name) => [name, smallest(root, properties[name]!, depth + 1)]),
      );
    }
  }
}

/**
 * The entry's required fields, each with the smallest value its schema takes; ids in the path
 * name nothing, and `locationId` is left for the bridge to fill in.
 *
 * @example minimalInput(findCatalogueEntry('delete-business')!) // { businessId: 'missing-id' }
 */
export function minimalInput(entry: CatalogueEntry): Record<string, unknown> {
  const input = smallest(entry.input, entry.input, 0) as Record<string, unknown>;
  delete input.locationId;
  for (const [field, place] of Object.entries(entry.placement)) {
    // A path parameter with an enum (`resourceType`) keeps its first value.
    if (place === 'path' && input[field] === 'x') input[field] = 'missing-id';
  }
  return input;
}
