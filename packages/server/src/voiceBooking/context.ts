/** What every voice tool works with during one request. */
import { createHmac } from 'node:crypto';
import type { HighLevel } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import type { Keyring } from '../crypto/keyring.js';
import type { DB } from '../db/schema.js';
import type { Logger } from '../logger.js';
import type { VoiceSettings } from '../voice/settings.js';
import type { FreeSlotCache } from './freeSlotCache.js';

export interface VoiceContext {
  db: Kysely<DB>;
  hl: HighLevel;
  log: Logger;
  workspaceId: string;
  locationId: string;
  settings: VoiceSettings;
  now: Date;
  /** The key of opaque slot ids (see voice/slotId.ts). */
  slotIdKey: Buffer;
  /** Calendar slot lengths already read from HighLevel, shared across requests. */
  calendarMinutes: Map<string, { minutes: number; until: number }>;
  /** Free slots read in the last seconds, shared across requests (freeSlotCache.ts). */
  freeSlots: FreeSlotCache;
}

/** Live calls go before any backfill in the client's rate limiter. */
export const LIVE = { priority: 'interactive' } as const;

/**
 * The slot-id key, derived from the credentials key so ids need no storage of their own.
 *
 * @example encodeSlotId(ref, slotIdKey(keyring));
 */
export function slotIdKey(keyring: Keyring): Buffer {
  return createHmac('sha256', keyring.current.key).update('ghl-bridge voice slot ids').digest();
}

/**
 * A write to a calendar's appointments; whatever it did (or may have done), the openings kept
 * for that calendar are stale afterwards.
 *
 * @example await changingCalendar(ctx, calendarId, () => ctx.hl.appointments.create(input, LIVE));
 */
export async function changingCalendar<T>(
  ctx: VoiceContext,
  calendarId: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } finally {
    ctx.freeSlots.dropCalendar(calendarId);
  }
}
