/**
 * Example trigger rows; each domain's rows file adds its own.
 */
import type { TriggerRow } from './world.js';

export const coreTriggerRows: Record<string, TriggerRow> = {
  'get-contact-tasks': {
    input: async ({ make }) => ({ contactId: await make.contact() }),
    change: async ({ make }, input) => {
      await make.task(input.contactId as string);
    },
  },
};
