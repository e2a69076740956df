/**
 * One MCP request as the tools see it: who is calling (the workspace and the client whose token
 * it is), where to write down what happens, and the HighLevel requests made for it so far.
 */
import type { ClientEvent } from '@ghl-bridge/client';
import type { Logger } from '../../logger.js';
import type { McpClient } from '../../mcp/clientStore.js';
import type { HighLevelRequest } from '../../voice/callAudit.js';
import type { AppDeps } from '../deps.js';

export interface McpCall {
  deps: AppDeps;
  workspaceId: string;
  client: McpClient;
  log: Logger;
  /** Aborted when the agent goes away: reads stop, writes already sent do not. */
  signal?: AbortSignal;
  /** The tools/call's `_meta` (an `idempotencyKey` may be in it). */
  meta: unknown;
  /** HighLevel's requests for this tool call, in order (for the audit trail). */
  requests: HighLevelRequest[];
  /** Adds a client event's request to `requests`. */
  onEvent: (event: ClientEvent) => void;
}
