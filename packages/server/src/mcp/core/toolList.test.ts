import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../catalogue/core/catalogue.js';
import { allTools } from './toolList.js';

const tools = allTools(CATALOGUE);
const named = (name: string) => tools.find((tool) => tool.name === name);

describe('allTools', () => {
  it('offers the booking tools, but not the call transfer, which only a phone call can do', () => {
    expect(tools.filter((t) => t.source === 'voice').map((t) => t.name)).toEqual([
      'check_availability',
      'book_appointment',
      'find_appointments',
      'reschedule_appointment',
      'cancel_appointment',
    ]);
    expect(named('cancel_appointment')?.access).toBe('destructive');
    expect(named('transfer_to_human')).toBeUndefined();
  });

  it('offers what a workspace can run: no agency-only or unsupported entry', () => {
    expect(named('create-location')).toBeUndefined();
    expect(named('list-snapshots')).toBeUndefined();
    expect(named('get-contact')).toMatchObject({ source: 'trigger', access: 'read' });
    expect(named('delete-contact')).toMatchObject({ source: 'action', access: 'destructive' });
  });

  it('gives every tool a unique name MCP clients accept and an object schema', () => {
    const names = tools.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.description.length).toBeGreaterThan(20);
    }
  });

  it('leaves locationId out: the bridge fills in the connected Location', () => {
    const listCalendars = named('list-calendars')!;
    expect(Object.keys(listCalendars.inputSchema.properties as object)).not.toContain('locationId');
    expect(listCalendars.inputSchema.required ?? []).not.toContain('locationId');
    expect(named('create-contact')!.description).toContain('HighLevel: POST /contacts/');
  });
});
