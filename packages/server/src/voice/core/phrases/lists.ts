/**
 * Lists as a language says them, by Intl: "a, b o c", "a, b et c". Spanish also turns "o" into
 * "u" and "y" into "e" before the sounds that need it ("8 u 11").
 */

/**
 * The list function of a phrasebook, for a language Intl knows.
 *
 * @example intlList('de')(['9 Uhr', '10 Uhr', '11 Uhr'], 'or'); // '9 Uhr, 10 Uhr oder 11 Uhr'
 */
export function intlList(language: string) {
  const lists = {
    or: new Intl.ListFormat(language, { type: 'disjunction' }),
    and: new Intl.ListFormat(language, { type: 'conjunction' }),
  };
  return (items: readonly string[], conjunction: 'or' | 'and'): string =>
    lists[conjunction].format(items);
}
