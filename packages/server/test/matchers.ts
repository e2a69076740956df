/**
 * Vitest's asymmetric matchers, typed: `expect.any(String)` and kin are `any`, which the linter
 * (rightly) refuses to assign into typed expectations.
 */
import { expect } from 'vitest';

export const anyString = (): string => expect.any(String) as string;
export const anyNumber = (): number => expect.any(Number) as number;
export const matching = (pattern: RegExp): string => expect.stringMatching(pattern) as string;
export const containing = (text: string): string => expect.stringContaining(text) as string;
export const objectContaining = <T extends object>(value: T): T =>
  expect.objectContaining(value as Record<string, unknown>) as T;
export const arrayContaining = <T>(values: T[]): T[] => {
  const expected: unknown[] = values;
  return expect.arrayContaining(expected) as T[];
};
