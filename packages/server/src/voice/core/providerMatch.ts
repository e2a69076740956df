/**
 * Which team member a caller means: "Dr. Lee", "Ann", "anyone". A name said on the phone is
 * matched to the calendar's members by its words, titles and accents aside, with the rule used
 * for contacts (core/contactMatch.ts): a match is used only when it is the only one. Two members
 * called Lee are a question for the caller, never a guess.
 */
import type { Provider } from './outcomes.js';

/** What callers say when any member will do, in the languages answers are given in. */
const ANYONE = new Set([
  'anyone',
  'anybody',
  'any',
  'no preference',
  'whoever',
  'whoever is free',
  'first available',
  'cualquiera',
  'cualquier',
  'quien sea',
  'sin preferencia',
  'n importe qui',
  'peu importe',
  'sans preference',
  'egal',
  'irgendwer',
  'irgendjemand',
  'beliebig',
  'keine praferenz',
]);

/** Words that are titles, not names. */
const TITLES = new Set([
  'dr',
  'doctor',
  'doc',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'prof',
  'professor',
  'dra',
  'doctora',
  'sr',
  'sra',
  'srta',
  'senor',
  'senora',
  'docteur',
  'mme',
  'mlle',
  'm',
  'herr',
  'frau',
]);

/**
 * A name as comparable words: lower case, accents and punctuation gone.
 *
 * @example nameWords('Dr. José-Luis Peña'); // ['dr', 'jose', 'luis', 'pena']
 */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export type ProviderMatch =
  | { kind: 'anyone' }
  | { kind: 'one'; provider: Provider }
  | { kind: 'several'; providers: Provider[] }
  | { kind: 'none' };

/**
 * The member `spoken` names: every word said (titles aside) is a word of the member's name, or
 * the start of one ("Dr. Lee", "Ann", "Ann L"); "anyone" in any of the supported languages.
 *
 * @example matchProvider('Dr. Lee', [{ userId: 'u1', name: 'Ann Lee' }, { userId: 'u2', name: 'Sam Ortiz' }]); // { kind: 'one', provider: { userId: 'u1', name: 'Ann Lee' } }
 */
export function matchProvider(spoken: string, members: readonly Provider[]): ProviderMatch {
  const words = nameWords(spoken);
  if (words.length === 0 || ANYONE.has(words.join(' '))) return { kind: 'anyone' };
  const said = words.filter((word) => !TITLES.has(word));
  // "Dr." alone names nobody in particular.
  if (said.length === 0) return { kind: 'none' };
  const matches = members.filter((member) => {
    const own = nameWords(member.name);
    return said.every((word) => own.some((part) => part === word || part.startsWith(word)));
  });
  // A full word beats a prefix: "Lee" means Ann Lee, not Bob Leeds as well.
  const exact = matches.filter((member) => {
    const own = nameWords(member.name);
    return said.every((word) => own.includes(word));
  });
  const best = exact.length ? exact : matches;
  if (best.length === 1) return { kind: 'one', provider: best[0]! };
  if (best.length > 1) return { kind: 'several', providers: best };
  return { kind: 'none' };
}
