import { describe, expect, it } from 'vitest';
import { bundledMigrations, splitStatements } from './migrate.js';

describe('splitStatements', () => {
  it('splits at a semicolon closing a line and drops comment lines', () => {
    const script = '-- a table\nCREATE TABLE a (x int);\n\nALTER TABLE a ADD y int;  \n';
    expect(splitStatements(script)).toEqual(['CREATE TABLE a (x int)', 'ALTER TABLE a ADD y int']);
  });

  it('keeps a function body in one statement, its own comments and semicolons included', () => {
    const script = [
      'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$',
      'BEGIN',
      '  -- inside the body',
      '  PERFORM 1;',
      '  RETURN 2;',
      'END',
      '$$;',
      'SELECT f();',
    ].join('\n');
    const [body, call] = splitStatements(script);
    expect(body).toContain('PERFORM 1;\n  RETURN 2;');
    expect(body).toContain('-- inside the body');
    expect(call).toBe('SELECT f()');
  });

  it('reads the rate-limit function as a single statement', () => {
    const migration = bundledMigrations().find((m) => m.name.endsWith('rate_limit_grant_function'));
    expect(migration?.statements).toHaveLength(1);
    expect(migration?.statements[0]).toMatch(/^CREATE FUNCTION[\s\S]*\$\$$/);
  });
});

describe('bundledMigrations', () => {
  it("names each migration after its file, so alphabetical order is the numbers' order", () => {
    const migrations = bundledMigrations();
    expect(migrations.map((m) => m.name.slice(0, 5))).toEqual(
      migrations.map((m) => `${String(m.version).padStart(4, '0')}_`),
    );
    expect(migrations.map((m) => m.name).sort()).toEqual(
      [...migrations].sort((a, b) => a.version - b.version).map((m) => m.name),
    );
  });
});
