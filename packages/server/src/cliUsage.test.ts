import { describe, expect, it } from 'vitest';
import { commandUsage, usage } from './cliUsage.js';

describe('the help ghl-bridge prints', () => {
  it("shows a command's arguments and required flags bare, the others in brackets", () => {
    expect(commandUsage('triggers add').split('\n')[0]).toBe(
      'Usage: ghl-bridge triggers add <name> --workspace ID [--input JSON|@FILE] [--every MIN] [--endpoint ID] [--url URL] [--data-dir DIR] [--database-url URL]',
    );
    expect(commandUsage('mcp tools')).toMatch(/\n\nReads no environment\.$/);
  });

  it('aligns each table of --help: the commands, the options with their short forms', () => {
    const [, commands, options] = usage().split(/\n(?:Commands|Options.*):\n/);
    const column = (section: string) => {
      const rows = section.split('\n\n')[0]!.split('\n').filter(Boolean);
      return new Set(rows.map((row) => /^ {2}\S.*?\s{2,}(?=\S)/.exec(row)![0].length));
    };
    expect(column(commands!)).toEqual(new Set(['  mcp clients revoke  '.length]));
    expect(options).toMatch(/^ {2}--port N +HTTP port/);
    expect(options).toContain('\n  -h, --help ');
    expect(column(options!).size).toBe(1);
  });
});
