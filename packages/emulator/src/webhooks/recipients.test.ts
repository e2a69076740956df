import { describe, expect, it } from 'vitest';
import { installKey, type OAuthAppRecord } from '../oauth/model.js';
import { emptyState, type EmulatorState } from '../state.js';
import { scopesForEvent, webhookRecipients } from './recipients.js';

function app(id: string, extra: Partial<OAuthAppRecord> = {}): OAuthAppRecord {
  return {
    id,
    clientId: `${id}-client`,
    clientSecret: 's',
    name: id,
    scopes: ['contacts.readonly', 'opportunities.readonly', 'calendars.readonly'],
    webhookUrl: `https://${id}.example/hooks`,
    events: null,
    redirectUri: null,
    dateAdded: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

function state(...apps: OAuthAppRecord[]): EmulatorState {
  const s = emptyState();
  for (const a of apps) {
    s.apps[a.id] = a;
    s.installs[installKey(a.id, 'loc1')] = {
      appId: a.id,
      companyId: 'co1',
      locationId: 'loc1',
      userId: 'u1',
      installedAt: '2026-01-01T00:00:00.000Z',
    };
  }
  return s;
}

const event = (type: string, locationId: string | null = 'loc1', payload = {}) => ({
  type,
  locationId,
  payload,
});

describe('scopesForEvent', () => {
  it.each([
    ['ContactCreate', ['contacts.readonly']],
    ['NoteDelete', ['contacts.readonly']],
    ['TaskComplete', ['contacts.readonly']],
    ['OpportunityStageUpdate', ['opportunities.readonly']],
    ['AppointmentCreate', ['calendars/events.readonly', 'calendars.readonly']],
    ['LocationUpdate', null],
  ])('%s needs %j', (type, scopes) => {
    expect(scopesForEvent(type)).toEqual(scopes);
  });
});

describe('webhookRecipients', () => {
  it('sends a Location event to each app installed there that may receive it', () => {
    const s = state(
      app('a'),
      app('b', { scopes: ['opportunities.readonly'] }),
      app('c', { events: ['ContactDelete'] }),
      app('d', { webhookUrl: null }),
    );
    s.apps.e = app('e');
    expect(webhookRecipients(s, event('ContactCreate'))).toEqual(['https://a.example/hooks']);
    expect(webhookRecipients(s, event('ContactCreate', 'loc2'))).toEqual([]);
    expect(webhookRecipients(s, event('LocationUpdate'))).toEqual([]);
  });

  it('adds the Location registration, filtered by its events', () => {
    const s = state(app('a'));
    s.webhookSubscriptions.loc1 = {
      locationId: 'loc1',
      url: 'https://pit.example/in',
      events: ['NoteCreate'],
    };
    expect(webhookRecipients(s, event('NoteCreate'))).toEqual([
      'https://a.example/hooks',
      'https://pit.example/in',
    ]);
    expect(webhookRecipients(s, event('NoteDelete'))).toEqual(['https://a.example/hooks']);
  });

  it('sends INSTALL and UNINSTALL to the app concerned only, Location or not', () => {
    const s = state(app('a'), app('b'));
    s.webhookSubscriptions.loc1 = {
      locationId: 'loc1',
      url: 'https://pit.example/in',
      events: null,
    };
    expect(webhookRecipients(s, event('INSTALL', 'loc1', { appId: 'b' }))).toEqual([
      'https://b.example/hooks',
    ]);
    expect(webhookRecipients(s, event('UNINSTALL', null, { appId: 'a' }))).toEqual([
      'https://a.example/hooks',
    ]);
  });
});
