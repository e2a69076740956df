/**
 * Webhooks that never arrive or arrive late. HighLevel re-sends a webhook only after a 429
 * (https://marketplace.gohighlevel.com/docs/webhook/WebhookIntegrationGuide), so a delivery lost
 * on the way is lost for good: these settings let a test lose a share of them (silently, as a
 * network would), or hold them back, to show that a receiver still learns every change.
 */

export interface WebhookFaults {
  /** Share of deliveries (0..1) never sent. */
  dropRate: number;
  /** Share of the deliveries sent (0..1) held back before their first attempt. */
  delayRate: number;
  /** The shortest hold-back, in ms. */
  delayMs: number;
  /** The longest hold-back, in ms (each delayed delivery waits a random time in between). */
  maxDelayMs: number;
  /** Makes the drops and delays repeat from run to run; null: the emulator's random source. */
  seed: number | null;
}

export const NO_WEBHOOK_FAULTS: WebhookFaults = Object.freeze({
  dropRate: 0,
  delayRate: 0,
  delayMs: 0,
  maxDelayMs: 0,
  seed: null,
});

/** What becomes of one delivery. */
export type DeliveryFate = { dropped: true } | { dropped: false; delayMs: number };

const share = (value: unknown) => typeof value === 'number' && value >= 0 && value <= 1;
const duration = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 3_600_000;

/**
 * The settings in `input` (fields left out take their defaults), or what is wrong with them. A
 * `delayMs` alone delays every delivery by exactly that long.
 *
 * @example webhookFaultsOf({ dropRate: 0.2, seed: 7 }) // { faults: { dropRate: 0.2, delayRate: 0, …, seed: 7 } }
 */
export function webhookFaultsOf(
  input: Record<string, unknown>,
): { faults: WebhookFaults } | { problems: string[] } {
  const problems: string[] = [];
  const known = new Set(['dropRate', 'delayRate', 'delayMs', 'maxDelayMs', 'seed']);
  for (const key of Object.keys(input)) {
    if (!known.has(key)) problems.push(`${key} is not a setting (${[...known].join(', ')})`);
  }
  for (const key of ['dropRate', 'delayRate'] as const) {
    if (input[key] !== undefined && !share(input[key])) problems.push(`${key} must be 0..1`);
  }
  for (const key of ['delayMs', 'maxDelayMs'] as const) {
    if (input[key] !== undefined && !duration(input[key])) {
      problems.push(`${key} must be a whole number of ms from 0 to 3600000`);
    }
  }
  const { seed } = input;
  if (seed !== undefined && seed !== null && !Number.isInteger(seed)) {
    problems.push('seed must be a whole number or null');
  }
  if (problems.length > 0) return { problems };
  const delayMs = (input.delayMs as number | undefined) ?? 0;
  const maxDelayMs = Math.max(delayMs, (input.maxDelayMs as number | undefined) ?? delayMs);
  return {
    faults: {
      dropRate: (input.dropRate as number | undefined) ?? 0,
      delayRate: (input.delayRate as number | undefined) ?? (maxDelayMs > 0 ? 1 : 0),
      delayMs,
      maxDelayMs,
      seed: (seed as number | null | undefined) ?? null,
    },
  };
}

/**
 * The fate of the next delivery: two draws from `random`, always, so that a seeded run gives the
 * same fates in the same order whatever the settings.
 *
 * @example deliveryFate({ ...NO_WEBHOOK_FAULTS, dropRate: 1 }, Math.random) // { dropped: true }
 */
export function deliveryFate(faults: WebhookFaults, random: () => number): DeliveryFate {
  const drop = random();
  const delay = random();
  if (drop < faults.dropRate) return { dropped: true };
  if (faults.delayRate === 0 || delay >= faults.delayRate) return { dropped: false, delayMs: 0 };
  // The same draw, spread over the range: a delivery held back is one of the first `delayRate`.
  const within = delay / faults.delayRate;
  const spread = faults.maxDelayMs - faults.delayMs;
  return { dropped: false, delayMs: faults.delayMs + Math.floor(within * spread) };
}

/**
 * mulberry32: a small seedable source of numbers in [0, 1), the same sequence for the same seed.
 *
 * @example const random = seededRandom(42); random(); // 0.6011037519201636
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
