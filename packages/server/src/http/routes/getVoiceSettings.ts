/** `GET /v1/workspaces/:ws/voice` -> 200 the voice settings, secrets masked; 404 when unset. */
import { createRoute } from '@hono/zod-openapi';
import { maskSettings } from '../../voice/core/settings.js';
import { loadVoiceSettings } from '../../voice/settingsStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { HttpError } from '../httpError.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { VoiceSettingsSchema } from '../voiceSettingsSchemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/voice',
  summary: 'The voice-booking settings, with the Vapi secret masked',
  security: bearer,
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'The settings; `auth.secret` shows only its last four characters',
      content: { 'application/json': { schema: VoiceSettingsSchema } },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerGetVoiceSettings(app, deps); */
export function registerGetVoiceSettings(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const settings = await loadVoiceSettings(deps.database.db, deps.keyring, workspace.id);
    if (!settings) {
      throw new HttpError(
        404,
        'voice_not_configured',
        `Workspace ${workspace.id} has no voice settings yet; set them with PUT /v1/workspaces/${workspace.id}/voice.`,
      );
    }
    return c.json(maskSettings(settings), 200);
  });
}
