/**
 * `PUT /v1/workspaces/:ws/voice`: the workspace's voice-booking settings (design §3.5) -> 200 the
 * settings with the secret masked; 422 naming every wrong field.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { maskSettings, voiceSettingsSchema } from '../../voice/settings.js';
import { saveVoiceSettings } from '../../voiceBooking/settingsStore.js';
import type { App } from '../app.js';
import type { AppDeps } from '../deps.js';
import { validationFailed } from '../httpError.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

/** Documented loosely: `voiceSettingsSchema` (voice/settings.ts) is the validation. */
export const VoiceSettingsDoc = z
  .object({
    calendarId: z.string(),
    timezone: z.string(),
    defaultCountry: z.string().optional(),
    rules: z.record(z.string(), z.unknown()).optional(),
    slotsToOffer: z.number().int().optional(),
    auth: z.object({ type: z.enum(['bearer', 'x-vapi-secret', 'hmac']), secret: z.string() }),
  })
  .passthrough()
  .openapi('VoiceSettings');

const route = createRoute({
  method: 'put',
  path: '/v1/workspaces/{ws}/voice',
  summary: 'Set the voice-booking settings: calendar, timezone, rules, Vapi credential',
  security: bearer,
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: z.unknown() } } },
  },
  responses: {
    200: {
      description: 'Stored; the secret is masked',
      content: { 'application/json': { schema: VoiceSettingsDoc } },
    },
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

export function registerPutVoiceSettings(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const parsed = voiceSettingsSchema.safeParse(c.req.valid('json'));
    if (!parsed.success) throw validationFailed(parsed.error.issues);
    await saveVoiceSettings(deps.database.db, deps.keyring, workspace.id, parsed.data);
    return c.json(maskSettings(parsed.data), 200);
  });
}
