/**
 * `PUT /v1/workspaces/:ws/voice`: the workspace's voice-booking settings -> 200 the settings with
 * the secret masked; 422 naming every wrong field. `auth.secret` left out keeps the stored one.
 */
import { createRoute } from '@hono/zod-openapi';
import { keepStoredSecrets, maskSettings } from '../../voice/core/settings.js';
import { loadVoiceSettings, saveVoiceSettings } from '../../voice/settingsStore.js';
import { validationFailed } from '../httpError.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { VoiceSettingsInput, VoiceSettingsSchema } from '../voiceSettingsSchemas.js';

const route = createRoute({
  method: 'put',
  path: '/v1/workspaces/{ws}/voice',
  summary: 'Set the voice-booking settings: calendar, timezone, rules, Vapi credential',
  security: bearer,
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: VoiceSettingsInput } } },
  },
  responses: {
    200: {
      description: 'Stored; the secret is masked',
      content: { 'application/json': { schema: VoiceSettingsSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

/** @example registerPutVoiceSettings(app, deps); */
export function registerPutVoiceSettings(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const update = c.req.valid('json');
    const stored =
      update.auth.secret === undefined
        ? await loadVoiceSettings(deps.database.db, deps.keyring, workspace.id)
        : undefined;
    const settings = keepStoredSecrets(update, stored?.auth);
    if (!settings) {
      throw validationFailed([
        { path: ['auth', 'secret'], message: 'expected the secret: none is stored yet' },
      ]);
    }
    await saveVoiceSettings(deps.database.db, deps.keyring, workspace.id, settings);
    return c.json(maskSettings(settings), 200);
  });
}
