/**
 * Joins the entries as listed with what the spec says about their operations, giving each entry
 * everything a runner needs: the operation, the scopes and token kinds it needs, the input schema
 * with where each field goes, and the answer's schema.
 */
import { operationKey, type CategoryDrafts } from './categories.js';
import type { CatalogueEntry, EntryDraft, OperationSchemas } from './entry.js';

const NOTHING = { type: 'object', properties: {} };

function complete(
  draft: EntryDraft,
  category: CatalogueEntry['category'],
  schemas: Readonly<Record<string, OperationSchemas>>,
): CatalogueEntry {
  const { operation, ...rest } = draft;
  if (operation === null) {
    return {
      ...rest,
      category,
      operations: [],
      scopes: [],
      access: [],
      input: NOTHING,
      placement: {},
      output: {},
    };
  }
  const spec = schemas[operationKey(operation)];
  if (!spec) throw new Error(`${draft.name}: no schemas for ${operationKey(operation)}`);
  return {
    ...rest,
    category,
    operations: [operation],
    scopes: spec.scopes,
    access: spec.access,
    input: spec.input,
    placement: spec.placement,
    output: spec.output,
  };
}

/**
 * Every entry, complete, in the listed order.
 *
 * @example assembleCatalogue(CATALOGUE_DRAFTS, operationSchemas).length // 124
 */
export function assembleCatalogue(
  drafts: readonly CategoryDrafts[],
  schemas: Readonly<Record<string, OperationSchemas>>,
): CatalogueEntry[] {
  return drafts.flatMap(({ category, entries }) =>
    entries.map((draft) => complete(draft, category, schemas)),
  );
}
