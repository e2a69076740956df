import { expect, it } from 'vitest';
import { describeOnBackends } from '../../test/harness.js';
import { pruneOldRecords } from './pruneOldRecords.js';

const DAY = 86_400_000;

describeOnBackends('deleting what is older than the retention', (server) => {
  it('deletes settled webhooks, ended deliveries and MCP calls past the cutoff, and nothing else', async () => {
    const db = server().runtime.database.db;
    const { id: ws } = await server().createWorkspace();
    const endpoint = await server().call('POST', `/v1/workspaces/${ws}/webhook-endpoints`, {
      json: { url: 'https://93.184.215.14/hooks', events: ['booking.synced'] },
    });
    const endpointId = (JSON.parse(endpoint.text) as { id: string }).id;
    const old = new Date(Date.now() - 40 * DAY);
    const recent = new Date(Date.now() - 2 * DAY);
    const webhook = (id: string, status: string, at: Date) => ({
      webhook_id: id,
      type: 'ContactUpdate',
      location_id: 'loc_1',
      sent_at: at,
      payload: JSON.stringify({ webhookId: id }),
      status: status as 'processed',
      received_at: at,
    });
    await db
      .insertInto('highlevel_webhooks')
      .values([
        webhook('wh_old_processed', 'processed', old),
        webhook('wh_old_ignored', 'ignored', old),
        webhook('wh_old_waiting', 'received', old),
        webhook('wh_recent', 'processed', recent),
      ])
      .execute();
    await db
      .insertInto('highlevel_webhook_workspaces')
      .values({ workspace_id: ws, webhook_id: 'wh_old_processed', received_at: old })
      .execute();
    const delivery = (id: string, status: string, at: Date) => ({
      id,
      endpoint_id: endpointId,
      event_id: `evt_${id}`,
      type: 'booking.synced',
      payload: JSON.stringify({}),
      status: status as 'delivered',
      created_at: at,
      updated_at: at,
    });
    await db
      .insertInto('webhook_deliveries')
      .values([
        delivery('d_old_delivered', 'delivered', old),
        delivery('d_old_failed', 'failed', old),
        delivery('d_old_pending', 'pending', old),
        delivery('d_recent', 'delivered', recent),
      ])
      .execute();

    const client = await server().call('POST', `/v1/workspaces/${ws}/mcp/clients`, {
      json: { name: 'Agent' },
    });
    const clientId = (JSON.parse(client.text) as { id: string }).id;
    const mcpCall = (tool: string, at: Date) => ({
      workspace_id: ws,
      client_id: clientId,
      tool,
      arguments: '{}',
      outcome: 'ok' as const,
      highlevel_requests: '[]',
      duration_ms: 5,
      created_at: at,
    });
    await db
      .insertInto('mcp_calls')
      .values([mcpCall('old-call', old), mcpCall('recent-call', recent)])
      .execute();

    const report = await pruneOldRecords(db, new Date(Date.now() - 30 * DAY));
    expect(report).toEqual({ highLevelWebhooks: 2, webhookDeliveries: 2, mcpCalls: 1 });
    const calls = await db.selectFrom('mcp_calls').select('tool').execute();
    expect(calls.map((c) => c.tool)).toEqual(['recent-call']);
    const webhooks = await db.selectFrom('highlevel_webhooks').select('webhook_id').execute();
    expect(webhooks.map((w) => w.webhook_id).sort()).toEqual(['wh_old_waiting', 'wh_recent']);
    const routed = await db.selectFrom('highlevel_webhook_workspaces').selectAll().execute();
    expect(routed).toEqual([]);
    const deliveries = await db.selectFrom('webhook_deliveries').select('id').execute();
    expect(deliveries.map((d) => d.id).sort()).toEqual(['d_old_pending', 'd_recent']);
    // A second sweep finds nothing more.
    expect(await pruneOldRecords(db, new Date(Date.now() - 30 * DAY))).toEqual({
      highLevelWebhooks: 0,
      webhookDeliveries: 0,
      mcpCalls: 0,
    });
  });
});
