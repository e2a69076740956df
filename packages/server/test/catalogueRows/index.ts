/**
 * Every catalogue entry's row, by domain: what an action is given and what it must change, what
 * a trigger watches and how something new appears in it. The catalogue tests check that every
 * entry has exactly one.
 */
import { coreActionRows } from './coreActions.js';
import { coreTriggerRows } from './coreTriggers.js';
import type { ActionRow, TriggerRow } from './world.js';

export const actionRows: Record<string, ActionRow> = {
  ...coreActionRows,
};

export const triggerRows: Record<string, TriggerRow> = {
  ...coreTriggerRows,
};
