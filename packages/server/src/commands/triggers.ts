/**
 * `ghl-bridge triggers list|add|remove`: a workspace's trigger subscriptions, from the command
 * line, through the same code as `…/triggers` in the API (docs/triggers.md).
 *
 * - `triggers list [--category C] [--json]`: the catalogue's triggers; with `--workspace ID`, the
 *   workspace's subscriptions and their last polls.
 * - `triggers add <name> --workspace ID [--input JSON|@file] [--every MIN] (--endpoint ID | --url URL)`:
 *   subscribes; the first poll runs at once (it records what is there) and HighLevel's refusal
 *   of the parameters is told. The workers of `start` or `worker` then poll it.
 * - `triggers remove <id> --workspace ID`: ends a subscription.
 */
import type { Config } from '../config.js';
import { createJobQueue } from '../queue/jobQueue.js';
import { QUEUES } from '../runtime.js';
import { subscribedOrThrow } from '../http/triggerAnswers.js';
import { subscriptionView } from '../http/triggerSchemas.js';
import { subscribe, unsubscribe } from '../triggers/subscribe.js';
import { listSubscriptions } from '../triggers/subscriptionStore.js';
import { readInput } from './actionsRun.js';
import { catalogueListCommand } from './catalogueList.js';
import { commandClients } from './commandClients.js';
import { inWorkspace } from './inWorkspace.js';

interface Io {
  config: Config;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The catalogue's triggers, or the workspace's subscriptions. */
export async function triggersListCommand(
  options: Io & { workspaceId?: string; category?: string; json: boolean },
): Promise<number> {
  const { out, workspaceId } = options;
  if (workspaceId === undefined) return catalogueListCommand({ ...options, kind: 'trigger' });
  return inWorkspace({ ...options, workspaceId }, async ({ database, workspace }) => {
    const rows = (await listSubscriptions(database.db, workspace.id)).map(subscriptionView);
    if (options.json) return (out(JSON.stringify(rows, null, 2)), 0);
    if (rows.length === 0) {
      out(
        `Workspace ${workspace.id} has no trigger subscriptions. Add one with: ghl-bridge triggers add <name> --workspace ${workspace.id} --url URL`,
      );
      return 0;
    }
    for (const row of rows) {
      const last = row.lastPoll;
      const polled = last
        ? `last poll ${last.at}: ${last.error ? `failed (${last.error})` : `${last.items} items, ${last.delivered} delivered`}`
        : 'not polled yet';
      out(
        `${row.id}  ${row.trigger}  every ${row.intervalMinutes} min  → ${row.endpointId}  ${polled}`,
      );
    }
    return 0;
  });
}

/** Subscribes; prints the subscription (and a new endpoint's secret) as the API answers it. */
export async function triggersAddCommand(
  options: Io & {
    workspaceId: string;
    name: string;
    input?: string | undefined;
    every?: string | undefined;
    endpointId?: string | undefined;
    url?: string | undefined;
    fetch?: typeof fetch;
  },
): Promise<number> {
  const { config, out, err } = options;
  const read = await readInput(options.input);
  if (!read.ok) return (err(read.problem), 2);
  const every = Number(options.every ?? 5);
  if (!Number.isInteger(every) || every < 1 || every > 15) {
    return (err('--every: expected a whole number of minutes from 1 to 15.'), 2);
  }
  if ((options.endpointId === undefined) === (options.url === undefined)) {
    return (
      err('Give either --endpoint ID (a webhook endpoint of the workspace) or --url URL.'),
      2
    );
  }
  return inWorkspace(options, async ({ database, workspace, secrets }) => {
    const queue = createJobQueue({ database, queues: QUEUES });
    await queue.start();
    try {
      const outcome = await subscribe(
        {
          db: database.db,
          queue,
          highLevel: commandClients(config, database, secrets, options.fetch),
          keyring: secrets.keyring,
          allowPrivate: config.webhooksAllowPrivate,
        },
        {
          workspaceId: workspace.id,
          trigger: options.name,
          input: read.input,
          intervalMinutes: every,
          endpointId: options.endpointId,
          url: options.url,
        },
      );
      const { subscription, secret } = subscribedOrThrow(outcome, options.name, workspace.id);
      out(
        JSON.stringify(
          { ...subscriptionView(subscription), ...(secret ? { secret } : {}) },
          null,
          2,
        ),
      );
      if (secret)
        err("The endpoint's signing secret is shown this once: keep it to check deliveries.");
      return 0;
    } finally {
      await queue.stop();
    }
  });
}

/** Ends a subscription. */
export async function triggersRemoveCommand(
  options: Io & { workspaceId: string; id: string },
): Promise<number> {
  return inWorkspace(options, async ({ database, workspace }) => {
    if (!(await unsubscribe(database.db, workspace.id, options.id))) {
      options.err(`✗ There is no trigger subscription ${options.id} in workspace ${workspace.id}.`);
      return 1;
    }
    options.out(`Removed ${options.id}: it is not polled any more.`);
    return 0;
  });
}
