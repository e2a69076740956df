import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { specRoot } from '@ghl-bridge/highlevel-spec';
import {
  isKnownWebhookEvent,
  isWebhookEventType,
  parseWebhookEvent,
  WebhookVerificationError,
  type WebhookEventOf,
} from './index.js';

const extracted = JSON.parse(
  readFileSync(path.join(specRoot, 'webhook-events.extracted.json'), 'utf8'),
) as Record<string, { examples: Record<string, unknown>[] }>;
const stamp = { timestamp: '2026-03-02T10:00:00.000Z', webhookId: 'wh-1' };

describe('parseWebhookEvent', () => {
  it('parses every documented example of the events an integration books and syncs with', () => {
    const events = ['ContactCreate', 'ContactTagUpdate', 'AppointmentCreate', 'TaskComplete'];
    for (const name of events) {
      for (const example of extracted[name]!.examples) {
        const body = JSON.stringify({ ...example, ...stamp });
        const event = parseWebhookEvent(body);
        expect(event).toEqual(JSON.parse(body));
        expect(isKnownWebhookEvent(event)).toBe(true);
      }
    }
  });

  it('uses the delivered `type`, not the event name or the docs slips', () => {
    expect(isWebhookEventType('INSTALL')).toBe(true);
    expect(isWebhookEventType('UNINSTALL')).toBe(true);
    expect(isWebhookEventType('AppInstall')).toBe(false);
    expect(isWebhookEventType('AppointmentUpdate')).toBe(true);
    expect(isWebhookEventType('AppointmentDelete')).toBe(true);
    expect(isWebhookEventType('ConversationUnreadUpdate')).toBe(true);
    // The conversation-provider payload's `type` is its channel; it is not a webhook event.
    expect(isWebhookEventType('SMS')).toBe(false);
  });

  it('narrows known events by `type`', () => {
    const example = extracted.AppointmentUpdate!.examples[0]!;
    const event = parseWebhookEvent(
      JSON.stringify({ ...example, type: 'AppointmentUpdate', ...stamp }),
    );
    if (!isKnownWebhookEvent(event) || event.type !== 'AppointmentUpdate') {
      throw new Error(`unexpected ${event.type}`);
    }
    expectTypeOf(event).toEqualTypeOf<WebhookEventOf<'AppointmentUpdate'>>();
    expect(event.appointment?.calendarId).toBe('BqTwX8QFwXzpegMve9EQ');
  });

  it('keeps events newer than the vendored docs, typed as unrecognized', () => {
    const body = { type: 'VoiceAiCallEnd', locationId: 'loc1', callId: 'c1', ...stamp };
    const event = parseWebhookEvent(new TextEncoder().encode(JSON.stringify(body)));
    expect(event).toEqual(body);
    expect(isKnownWebhookEvent(event)).toBe(false);
  });

  it.each([
    ['not json', /is not JSON/],
    ['[1,2]', /is not a JSON object/],
    ['null', /is not a JSON object/],
    [JSON.stringify({ timestamp: stamp.timestamp, webhookId: 'w' }), /no string "type"/],
    [JSON.stringify({ type: 'NoteCreate', webhookId: 'w' }), /no string "timestamp"/],
    [JSON.stringify({ type: 'NoteCreate', timestamp: 'soon', webhookId: 'w' }), /not a date/],
    [JSON.stringify({ type: 'NoteCreate', timestamp: stamp.timestamp }), /no string "webhookId"/],
  ])('refuses %s', (body, message) => {
    let caught: unknown;
    try {
      parseWebhookEvent(body);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WebhookVerificationError);
    expect(caught).toMatchObject({ code: 'validation', reason: 'malformed_payload' });
    expect((caught as Error).message).toMatch(message);
  });
});
