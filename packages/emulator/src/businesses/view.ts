import type { BusinessRecord } from './model.js';

/** A stored business as HighLevel returns it (`BusinessDto`): every field it holds. */
export function businessView(business: BusinessRecord): Record<string, unknown> {
  return { ...business };
}
