import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  discriminantOf,
  generateWebhookEventTypes,
  repairSchema,
} from '../../scripts/webhookEvents.js';

describe('generated webhook event types', () => {
  it('are up to date with spec/highlevel (run `npm run generate` when this fails)', async () => {
    const file = fileURLToPath(new URL('../generated/webhook-events.ts', import.meta.url));
    expect(readFileSync(file, 'utf8')).toBe(await generateWebhookEventTypes());
  });

  it('mend the slips in upstream schemas using their examples', () => {
    const schema = {
      type: 'object',
      properties: {
        trialStartDate: { type: 'Date' },
        type: { type: 'Email/SMS' },
        key: { type: 'string', required: true },
        tags: { type: 'array' },
        attachments: { type: 'array' },
        users: { type: 'array', items: { type: 'string' } },
      },
    };
    const examples = [{ tags: ['vip'], attachments: [] }, { tags: ['new', 'lead'] }];
    expect(repairSchema(schema, examples)).toEqual({
      type: 'object',
      required: ['key'],
      properties: {
        trialStartDate: { type: 'string', format: 'date-time' },
        type: { type: 'string', enum: ['Email', 'SMS'] },
        key: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        attachments: { type: 'array' },
        users: { type: 'array', items: { type: 'string' } },
      },
    });
  });

  it('refuse to guess when the docs show another `type` without a recorded reason', () => {
    const event = { source: 'docs/x.md', schema: {}, examples: [{ type: 'SOMETHING_ELSE' }] };
    expect(() => discriminantOf('BrandNewEvent', event)).toThrow(/TYPE_OF_EVENT/);
    expect(discriminantOf('AppInstall', { ...event, examples: [{ type: 'INSTALL' }] })).toBe(
      'INSTALL',
    );
    expect(discriminantOf('AppointmentUpdate', { ...event, examples: [{ type: 'x' }] })).toBe(
      'AppointmentUpdate',
    );
  });
});
