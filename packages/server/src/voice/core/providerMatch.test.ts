import { describe, expect, it } from 'vitest';
import { matchProvider, nameWords } from './providerMatch.js';

const lee = { userId: 'u_lee', name: 'Ann Lee' };
const leeds = { userId: 'u_leeds', name: 'Bob Leeds' };
const ortiz = { userId: 'u_ortiz', name: 'Sam Ortiz' };
const bobLee = { userId: 'u_boblee', name: 'Bob Lee' };
const pena = { userId: 'u_pena', name: 'José Peña' };

describe('matchProvider', () => {
  it('finds the member a title and a surname name', () => {
    expect(matchProvider('Dr. Lee', [lee, ortiz])).toEqual({ kind: 'one', provider: lee });
    expect(matchProvider('doctor ortiz', [lee, ortiz])).toEqual({ kind: 'one', provider: ortiz });
  });

  it('prefers a whole word to the start of one', () => {
    expect(matchProvider('Lee', [lee, leeds])).toEqual({ kind: 'one', provider: lee });
    expect(matchProvider('Lee', [leeds])).toEqual({ kind: 'one', provider: leeds });
  });

  it('asks when two members share the name said', () => {
    expect(matchProvider('Dr. Lee', [lee, bobLee, ortiz])).toEqual({
      kind: 'several',
      providers: [lee, bobLee],
    });
    expect(matchProvider('Ann Lee', [lee, bobLee])).toEqual({ kind: 'one', provider: lee });
  });

  it('reads accents and punctuation as the same name', () => {
    expect(matchProvider('Dr. Pena', [pena, lee])).toEqual({ kind: 'one', provider: pena });
    expect(nameWords('Dr. José-Luis Peña')).toEqual(['dr', 'jose', 'luis', 'pena']);
  });

  it('knows "anyone" in every supported language', () => {
    for (const said of ['anyone', 'No preference', 'cualquiera', "n'importe qui", 'egal', ''])
      expect(matchProvider(said, [lee])).toEqual({ kind: 'anyone' });
  });

  it('finds nobody for a name no member has, or a title alone', () => {
    expect(matchProvider('Dr. Smith', [lee, ortiz])).toEqual({ kind: 'none' });
    expect(matchProvider('Dr.', [lee])).toEqual({ kind: 'none' });
  });
});
