/**
 * Every catalogue entry's row, by domain: what an action is given and what it must change, what
 * a trigger watches and how something new appears in it. The catalogue tests check that every
 * entry has exactly one.
 */
import { calendarActionRows } from './calendarActions.js';
import { calendarTriggerRows } from './calendarTriggers.js';
import { contactActionRows } from './contactActions.js';
import { contactTriggerRows } from './contactTriggers.js';
import { coreActionRows } from './coreActions.js';
import { otherActionRows } from './otherActions.js';
import { otherTriggerRows } from './otherTriggers.js';
import { peopleActionRows } from './peopleActions.js';
import { peopleTriggerRows } from './peopleTriggers.js';
import type { ActionRow, TriggerRow } from './world.js';

export const actionRows: Record<string, ActionRow> = {
  ...coreActionRows,
  ...otherActionRows,
  ...contactActionRows,
  ...calendarActionRows,
  ...peopleActionRows,
};

export const triggerRows: Record<string, TriggerRow> = {
  ...otherTriggerRows,
  ...contactTriggerRows,
  ...calendarTriggerRows,
  ...peopleTriggerRows,
};
