/**
 * Which language an answer is said in: the phrasebook of a locale, and the locale a caller or a
 * request asks for, when it is one answers can be said in (en, es, fr, de, with any region).
 */
import { languageOf, type Language } from '../settings.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { Phrasebook } from './phrasebook.js';

/** Answers are said in US English unless a workspace or a caller asks for another locale. */
export const DEFAULT_LOCALE = 'en-US';

const PHRASEBOOKS: Record<Language, Phrasebook> = { en, es, fr, de };

/**
 * The words of a locale's language; English for a locale answers are not written in.
 *
 * @example phrasebookFor('es-MX').failures.unavailable; // 'En este momento no puedo acceder a la agenda. …'
 */
export function phrasebookFor(locale: string): Phrasebook {
  return PHRASEBOOKS[languageOf(locale) ?? 'en'];
}

/**
 * A BCP 47 tag as a locale answers can be said in: canonical (`es_mx` → `es-MX`), or just its
 * language when Intl can't read the rest (`fr-` → `fr`); `undefined` for another language.
 * Never throws, whatever the tag.
 *
 * @example speakableLocale('de_at'); // 'de-AT'
 */
export function speakableLocale(tag: string): string | undefined {
  const locale = tag.trim().replaceAll('_', '-');
  const language = languageOf(locale);
  if (!language) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    return canonical && Intl.DateTimeFormat.supportedLocalesOf(canonical).length
      ? canonical
      : language;
  } catch {
    return language;
  }
}

/** At most this many languages of an Accept-Language header are looked at. */
const MAX_RANGES = 20;

/**
 * The first language of an `Accept-Language` header answers can be said in, by preference
 * (`q`), then order (RFC 9110 §12.5.4); `undefined` when none is, or there is no header.
 *
 * @example acceptedLocale('ja-JP, fr-CA;q=0.8, en;q=0.5'); // 'fr-CA'
 */
export function acceptedLocale(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(',')
    .slice(0, MAX_RANGES)
    .map((range, order) => {
      const [tag = '', ...params] = range.split(';').map((part) => part.trim());
      const q = params.find((param) => /^q=/i.test(param));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag, weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((range) => range.weight > 0 && range.tag !== '' && range.tag !== '*')
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { tag } of ranges) {
    const locale = speakableLocale(tag);
    if (locale) return locale;
  }
  return undefined;
}
