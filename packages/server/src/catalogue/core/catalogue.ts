/**
 * The operations catalogue (docs/catalogue.md): every ready-made trigger and action, complete.
 * The spec's part comes from `generated/operationSchemas.ts`, written by `npm run generate`.
 */
import { assembleCatalogue } from './assemble.js';
import { CATALOGUE_DRAFTS } from './categories.js';
import type { CatalogueEntry, Category, EntryKind } from './entry.js';
import { operationSchemas } from './generated/operationSchemas.js';

export const CATALOGUE: readonly CatalogueEntry[] = assembleCatalogue(
  CATALOGUE_DRAFTS,
  operationSchemas,
);

/** Narrows the catalogue; an absent filter matches everything. */
export interface CatalogueFilter {
  category?: Category | undefined;
  kind?: EntryKind | undefined;
  /** One entry's machine name. */
  name?: string | undefined;
}

/**
 * The entries that match, in the listed order.
 *
 * @example filterCatalogue({ category: 'Users', kind: 'action' }).map((e) => e.name)
 * // ['create-user', 'update-user', 'delete-user']
 */
export function filterCatalogue(filter: CatalogueFilter): CatalogueEntry[] {
  return CATALOGUE.filter(
    (e) =>
      (filter.category === undefined || e.category === filter.category) &&
      (filter.kind === undefined || e.kind === filter.kind) &&
      (filter.name === undefined || e.name === filter.name),
  );
}

/**
 * The entry of that machine name.
 *
 * @example findCatalogueEntry('get-contact')?.operations // [{ method: 'GET', path: '/contacts/{contactId}' }]
 */
export function findCatalogueEntry(name: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.name === name);
}
