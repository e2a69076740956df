/**
 * The booking app of the chaos runs: it posts each workspace's booking changes in order, one at a
 * time (the order decides which change is stale and which earns a note), workspaces side by
 * side, on a schedule that spreads the traffic over the run. A post that does not get through is
 * sent again (see `apiClient`), so a change may reach the bridge twice: the sync must not do it
 * twice.
 */
import type { PostedEvent } from '../bookingChanges.js';
import type { ApiClient } from './apiClient.js';

export interface BookingApp {
  /** Resolves when every change got its answer. */
  done: Promise<void>;
  finished(): boolean;
  /** Final answers by status: 202 a new version, 200 a repeat or a stale one. */
  answers(): Record<number, number>;
  /** How long each change took to get its answer, sending again included, ms. */
  postTimes(): number[];
}

/**
 * @example
 * const app = startBookingApp({ api, events: traffic.events, workspaceIds, random, paceMs: 300 });
 * await app.done;
 */
export function startBookingApp(options: {
  api: ApiClient;
  events: readonly PostedEvent[];
  /** The workspace of each event group. */
  workspaceIds: readonly string[];
  random: () => number;
  /** Mean time between two posts of one workspace; a late post goes at once. */
  paceMs: number;
}): BookingApp {
  const answers: Record<number, number> = {};
  const times: number[] = [];
  let finished = false;
  const lane = async (group: number, workspaceId: string) => {
    let due = Date.now();
    for (const event of options.events) {
      if (event.group !== group) continue;
      due += options.random() * 2 * options.paceMs;
      await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      const sent = Date.now();
      const { status } = await options.api.call(
        'POST',
        `/v1/workspaces/${workspaceId}/bookings`,
        event.body,
      );
      times.push(Date.now() - sent);
      answers[status] = (answers[status] ?? 0) + 1;
    }
  };
  const done = Promise.all(options.workspaceIds.map((id, group) => lane(group, id))).then(() => {
    finished = true;
  });
  return {
    done,
    finished: () => finished,
    answers: () => ({ ...answers }),
    postTimes: () => [...times],
  };
}
