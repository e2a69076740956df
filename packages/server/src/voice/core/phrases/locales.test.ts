import { describe, expect, it } from 'vitest';
import { acceptedLocale, speakableLocale } from './locales.js';

describe('speakableLocale', () => {
  it.each<[string, string | undefined]>([
    ['es', 'es'],
    ['es-MX', 'es-MX'],
    ['de_at', 'de-AT'],
    [' FR-ca ', 'fr-CA'],
    ['fr-', 'fr'],
    ['es-!!', 'es'],
    ['ja-JP', undefined],
    ['english', undefined],
    ['', undefined],
  ])('%j', (tag, locale) => {
    expect(speakableLocale(tag)).toBe(locale);
  });
});

describe('acceptedLocale', () => {
  it.each<[string | undefined, string | undefined]>([
    ['fr-FR', 'fr-FR'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr-FR'],
    ['ja-JP, fr-CA;q=0.8, en;q=0.5', 'fr-CA'],
    ['en;q=0.5, de-DE', 'de-DE'],
    ['es;q=0.5, de;q=0.5', 'es'],
    ['de;q=0, es;q=0.1', 'es'],
    ['ja, *;q=0.1', undefined],
    ['*', undefined],
    ['de;q=abc, es;q=0.2', 'es'],
    [',,;;,', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j', (header, locale) => {
    expect(acceptedLocale(header)).toBe(locale);
  });
});
