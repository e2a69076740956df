/** What one page holds and where the next one starts (`next` undefined: this was the last). */
export interface PageRead<Item, Cursor> {
  items: readonly Item[];
  next: Cursor | undefined;
}

/**
 * Every item of a paged HighLevel list, fetching a page only when the previous one is used up.
 * Stops at the last page, at an empty page, and at a page whose cursor was already given: that
 * page repeats one already read (HighLevel ignored the cursor), and following it would loop.
 *
 * @example
 * const users = paginate(
 *   (skip = 0) => hl.users.search({ companyId, skip, limit: 100 }),
 *   (page, skip = 0) => ({ items: page.users, next: page.users.length < 100 ? undefined : skip + 100 }),
 * );
 * for await (const user of users) console.log(user.email);
 */
export async function* paginate<Page, Item, Cursor>(
  fetchPage: (cursor: Cursor | undefined) => Promise<Page>,
  read: (page: Page, cursor: Cursor | undefined) => PageRead<Item, Cursor>,
): AsyncGenerator<Item> {
  const seen = new Set<string>();
  let cursor: Cursor | undefined;
  for (;;) {
    const { items, next } = read(await fetchPage(cursor), cursor);
    const key = next === undefined ? undefined : JSON.stringify(next);
    if (key !== undefined && seen.has(key)) return;
    yield* items;
    if (items.length === 0 || key === undefined) return;
    seen.add(key);
    cursor = next;
  }
}
