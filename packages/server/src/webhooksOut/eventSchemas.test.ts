/**
 * The event schemas against the code that builds each event's `data`: the types it is built from
 * (checked by the typecheck), the functions that build it, and the examples in the docs.
 */
import { readFileSync } from 'node:fs';
import type { z } from '@hono/zod-openapi';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AppContactFields } from '../appRecords/core/contactFields.js';
import type { AppItemRow } from '../appRecords/itemStore.js';
import type { LedgerBooking } from '../bookingSync/core/ledger.js';
import type { FailureKind } from '../bookingSync/syncJobStore.js';
import { appEventOf } from '../highlevelWebhooks/core/appEvent.js';
import type { BridgeChange } from '../highlevelWebhooks/core/bridgeChange.js';
import type { ConfirmationRow } from '../voice/confirmations/confirmationStore.js';
import type { HandoffReason } from '../voice/core/outcomes.js';
import { handoffEventData } from '../voice/handoff/core/handoffAlert.js';
import { TRIGGER_ITEM_EVENT, WEBHOOK_EVENT_TYPES } from './core/eventTypes.js';
import { webhookPayload } from './core/payload.js';
import type {
  BookingSyncedData,
  ContactSyncFailedData,
  FAILURE_KINDS,
  HANDOFF_REASONS,
  VoiceConfirmationFailedData,
} from './eventSchemas.js';
import { VoiceHandoffData } from './eventSchemas.js';
import type { HIGHLEVEL_CHANGE_DATA, RECORD_CHANGES } from './highLevelChangeSchemas.js';
import { DELIVERED_EVENT_TYPES, WEBHOOK_PAYLOADS, WebhookPayloadSchema } from './payloadSchemas.js';

type ChangeOf<K extends keyof typeof RECORD_CHANGES> = Omit<
  Extract<BridgeChange, { kind: K }>,
  'kind'
>;

describe('the webhook event schemas', () => {
  it('say what the emitters build, type for type', () => {
    expectTypeOf<z.infer<typeof VoiceHandoffData>>().toEqualTypeOf<
      ReturnType<typeof handoffEventData>
    >();
    expectTypeOf<(typeof FAILURE_KINDS)[number]>().toEqualTypeOf<FailureKind>();
    expectTypeOf<(typeof HANDOFF_REASONS)[number]>().toEqualTypeOf<HandoffReason>();
    expectTypeOf<z.infer<typeof BookingSyncedData>['bookingStatus']>().toEqualTypeOf<
      LedgerBooking['status']
    >();
    type Confirmation = z.infer<typeof VoiceConfirmationFailedData>;
    expectTypeOf<Confirmation['change']>().toEqualTypeOf<ConfirmationRow['kind']>();
    expectTypeOf<Confirmation['channel']>().toEqualTypeOf<ConfirmationRow['channel']>();
    expectTypeOf<z.infer<typeof ContactSyncFailedData>['record']>().toEqualTypeOf<
      'contact' | AppItemRow['kind']
    >();
    expectTypeOf<z.infer<(typeof RECORD_CHANGES)['appointment']>>().toEqualTypeOf<
      ChangeOf<'appointment'>
    >();
    expectTypeOf<z.infer<(typeof RECORD_CHANGES)['contact']>>().toEqualTypeOf<
      ChangeOf<'contact'>
    >();
    expectTypeOf<z.infer<(typeof RECORD_CHANGES)['note']>>().toEqualTypeOf<ChangeOf<'note'>>();
    expectTypeOf<z.infer<(typeof RECORD_CHANGES)['task']>>().toEqualTypeOf<ChangeOf<'task'>>();
    type ContactUpdated = z.infer<(typeof HIGHLEVEL_CHANGE_DATA)['contact.updated']>;
    expectTypeOf<NonNullable<ContactUpdated['fields']>>().toEqualTypeOf<AppContactFields>();
  });

  it('cover every event type a delivery can carry, once', () => {
    expect([...DELIVERED_EVENT_TYPES].sort()).toEqual(
      [...WEBHOOK_EVENT_TYPES, TRIGGER_ITEM_EVENT].sort(),
    );
  });

  it("take every event appEventOf makes of a change in HighLevel, under the event's own type", () => {
    const changes: BridgeChange[] = [
      ...(['created', 'updated', 'cancelled', 'deleted'] as const).map((action) => ({
        kind: 'appointment' as const,
        action,
        id: 'apt_1',
        locationId: 'loc_1',
        calendarId: 'cal_1',
        status: action === 'cancelled' ? 'cancelled' : 'confirmed',
        startTime: '2026-12-01T15:00:00+00:00',
      })),
      ...(['created', 'updated', 'deleted'] as const).map((action) => ({
        kind: 'contact' as const,
        action,
        id: 'c_1',
        locationId: 'loc_1',
        changed: 'tags' as const,
      })),
      ...(['created', 'updated', 'deleted'] as const).map((action) => ({
        kind: 'note' as const,
        action,
        ...{ id: 'n_1', locationId: 'loc_1', contactId: 'c_1' },
      })),
      ...(['created', 'completed', 'deleted'] as const).map((action) => ({
        kind: 'task' as const,
        action,
        ...{ id: 't_1', locationId: 'loc_1' },
      })),
    ];
    let told = 0;
    for (const change of changes) {
      for (const webhookId of ['wh_1', null]) {
        const event = appEventOf(change, webhookId);
        if (!event) continue;
        told += 1;
        const payload = webhookPayload(event.type, event.data, new Date());
        expect(WEBHOOK_PAYLOADS[event.type].safeParse(payload).error, event.type).toBeUndefined();
      }
    }
    // Everything but a contact created is told.
    expect(told).toBe((changes.length - 1) * 2);
  });

  it('take a handoff told with and without what may be unknown', () => {
    const record = {
      workspaceId: 'ws_1',
      callId: 'call_8f2a',
      reason: 'caller_asked' as const,
      transferred: false,
    };
    for (const full of [
      record,
      { ...record, detail: 'wants a person', callerNumber: '+14155550100', contactId: 'c_1' },
    ]) {
      const data = handoffEventData(full, '/v1/workspaces/ws_1/voice/calls/call_8f2a');
      expect(VoiceHandoffData.parse(data)).toEqual(data);
    }
  });

  it('take the examples in the docs', () => {
    const docs = ['webhooks-out.md', 'triggers.md'].map((name) =>
      readFileSync(new URL(`../../../../docs/${name}`, import.meta.url), 'utf8'),
    );
    const examples = docs
      .flatMap((text) => [...text.matchAll(/```json\n(\{\n {2}"type": [\s\S]*?)```/g)])
      .map((match) => JSON.parse(match[1]!) as unknown);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) {
      expect(WebhookPayloadSchema.safeParse(example).error).toBeUndefined();
    }
  });
});
