import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { findOperation } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, filterCatalogue, findCatalogueEntry } from './core/catalogue.js';
import { machineName } from './core/draft.js';
import { CATEGORIES, type CatalogueEntry } from './core/entry.js';
import { operationSchemas } from './core/generated/operationSchemas.js';
import { itemFields } from './testing.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const supported = CATALOGUE.filter((e) => !e.unsupported);
const label = (e: CatalogueEntry) => e.name;

describe('the operations catalogue', () => {
  it('lists 124 entries, 55 triggers and 69 actions, in 8 categories in the listed order', () => {
    expect(CATALOGUE).toHaveLength(124);
    expect(CATALOGUE.filter((e) => e.kind === 'trigger')).toHaveLength(55);
    expect(CATALOGUE.filter((e) => e.kind === 'action')).toHaveLength(69);
    expect([...new Set(CATALOGUE.map((e) => e.category))]).toEqual([...CATEGORIES]);
  });

  it.each([
    ['Contacts', 10, 18],
    ['Calendars & Appointments', 12, 22],
    ['Opportunities', 3, 7],
    ['Users', 4, 3],
    ['Conversations & Messages', 8, 2],
    ['Businesses', 2, 3],
    ['Workflows & Campaigns', 3, 5],
    ['Other Operations', 13, 9],
  ] as const)('%s has %i triggers and %i actions', (category, triggers, actions) => {
    expect(filterCatalogue({ category, kind: 'trigger' })).toHaveLength(triggers);
    expect(filterCatalogue({ category, kind: 'action' })).toHaveLength(actions);
  });

  it('names every entry uniquely, in kebab case, from its listed name', () => {
    expect(new Set(CATALOGUE.map((e) => e.name)).size).toBe(CATALOGUE.length);
    for (const e of CATALOGUE) {
      expect(e.name, e.title).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(e.name).toBe(machineName(e.title));
      expect(e.description, e.name).not.toBe('');
    }
  });

  it.each(supported.map((e) => [label(e), e] as const))(
    '%s maps to one current operation of the spec, with its scopes',
    (_, e) => {
      expect(e.operations).toHaveLength(1);
      const { method, path } = e.operations[0]!;
      const info = findOperation(method, path);
      expect(info, `${method} ${path}`).toBeDefined();
      expect(info!.method).toBe(method);
      expect(info!.path).toBe(path);
      expect(e.scopes).toEqual(info!.scopes);
      expect(e.access).toEqual(info!.access);
      expect(operationSchemas[`${method} ${path}`]!.deprecated).toBe(false);
    },
  );

  it('says why for every entry it cannot run, and maps no operation for it', () => {
    for (const e of CATALOGUE.filter((x) => x.unsupported)) {
      expect(e.unsupported!.length, e.name).toBeGreaterThan(20);
      expect(e.operations).toEqual([]);
    }
  });

  it.each([
    ['list-contacts-deprecated', 'POST /contacts/search', 'GET /contacts/'],
    ['list-users-by-location', 'GET /users/search', 'GET /users/'],
  ])('replaces the deprecated endpoint of %s with %s and says so', (name, current, old) => {
    const e = findCatalogueEntry(name)!;
    const [op] = e.operations;
    expect(`${op!.method} ${op!.path}`).toBe(current);
    expect(findOperation(old.split(' ')[0]!, old.split(' ')[1]!)).toBeDefined();
    expect(e.note).toContain(`\`${old}\``);
    expect(e.note).toContain('deprecated');
  });

  it.each(CATALOGUE.map((e) => [label(e), e] as const))(
    '%s has input and output schemas that compile as JSON Schema',
    (_, e) => {
      // Strict, except that a DTO may require a property it does not list (HighLevel's
      // `CategoryResponseDTO` requires `name`): valid JSON Schema, if odd.
      const ajv = addFormats(new Ajv({ strict: true, strictRequired: false, allErrors: true }));
      expect(e.input.type).toBe('object');
      expect(() => ajv.compile(e.input)).not.toThrow();
      expect(() => ajv.compile(e.output)).not.toThrow();
    },
  );

  it.each(supported.map((e) => [label(e), e] as const))(
    '%s says where every input field goes',
    (_, e) => {
      const properties = Object.keys(e.input.properties as object);
      expect(Object.keys(e.placement).sort()).toEqual([...properties].sort());
      const inPath = [...e.operations[0]!.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const placedInPath = properties.filter((p) => e.placement[p] === 'path');
      expect(placedInPath.sort()).toEqual(inPath.sort());
      expect(e.input.required ?? []).toEqual(expect.arrayContaining(inPath));
    },
  );

  it.each(CATALOGUE.map((e) => [label(e), e] as const))(
    '%s, if a trigger, says how it spots new and changed items in the answer',
    (_, e) => {
      if (e.kind === 'action') return expect(e.detect).toBeUndefined();
      if (e.unsupported) return;
      const d = e.detect!;
      expect(d).toBeDefined();
      if (d.id === null) expect(d.changeMarker).not.toHaveProperty('field');
      const fields = itemFields(e.output, d.list, d.holds);
      // A file, or an answer the spec leaves undescribed, has no fields to check.
      if (fields === undefined) return expect(d.id).toBeNull();
      if (d.id !== null) expect(fields).toContain(d.id);
      if (typeof d.changeMarker === 'object') expect(fields).toContain(d.changeMarker.field);
    },
  );

  it.each([
    ['get-contact', 'GET /contacts/{contactId}', ['contacts.readonly']],
    ['create-contact', 'POST /contacts/', ['contacts.write']],
    [
      'complete-contact-task',
      'PUT /contacts/{contactId}/tasks/{taskId}/completed',
      ['contacts.write'],
    ],
    ['get-free-slots', 'GET /calendars/{calendarId}/free-slots', ['calendars.readonly']],
    ['create-appointment', 'POST /calendars/events/appointments', ['calendars/events.write']],
    ['update-opportunity-status', 'PUT /opportunities/{id}/status', ['opportunities.write']],
    [
      'add-contact-to-workflow',
      'POST /contacts/{contactId}/workflow/{workflowId}',
      ['contacts.write'],
    ],
  ])('maps %s to %s needing %j', (name, operation, scopes) => {
    const e = findCatalogueEntry(name)!;
    expect(e.operations.map((o) => `${o.method} ${o.path}`)).toEqual([operation]);
    expect(e.scopes).toEqual(scopes);
  });
});
