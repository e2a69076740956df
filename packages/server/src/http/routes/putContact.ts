/**
 * `PUT /v1/workspaces/:ws/contacts/:externalId {version, updatedAt?, …fields, tags?}`: stores the
 * app's version of its contact and enqueues its write to HighLevel, in one transaction -> 202
 * `pending`; the same version again -> 200 as it stands (`already_taken`); an older one -> 200
 * `stale`, changing nothing. A phone without +country is read in the workspace's country; one
 * that cannot be read is left out and reported in `problems` (docs/contacts.md).
 */
import { createRoute } from '@hono/zod-openapi';
import { acceptContactVersion } from '../../appRecords/acceptContact.js';
import { readContactPhone, unreadablePhoneRefusal } from '../../appRecords/core/contactPhone.js';
import { contactView } from '../../appRecords/recordViews.js';
import { phoneCountry } from '../../bookingSync/core/customerPhone.js';
import { findConnection } from '../../highlevel/connectionStore.js';
import {
  AppContactAnswer,
  ContactParams,
  ContactVersionBody,
  notConnected,
} from '../appRecordSchemas.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { validationFailed } from '../httpError.js';
import { bearer, errorResponses } from '../schemas.js';

const route = createRoute({
  method: 'put',
  path: '/v1/workspaces/{ws}/contacts/{externalId}',
  summary: "Create or update the HighLevel contact of the app's contact",
  security: bearer,
  request: {
    params: ContactParams,
    body: { required: true, content: { 'application/json': { schema: ContactVersionBody } } },
  },
  responses: {
    202: {
      description: 'A new version: stored, its write to HighLevel enqueued',
      content: { 'application/json': { schema: AppContactAnswer } },
    },
    200: {
      description: 'This version or a newer one was taken before: the contact as it stands',
      content: { 'application/json': { schema: AppContactAnswer } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

/** @example registerPutContact(app, deps); */
export function registerPutContact(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { externalId } = c.req.valid('param');
    const { version, updatedAt, tags, phone: typed, ...fields } = c.req.valid('json');
    const { db } = deps.database;
    const connection = await findConnection(db, workspace.id);
    if (!connection) throw notConnected(workspace.id);
    const country = phoneCountry({
      workspaceCountry: workspace.default_country,
      locationCountry: connection.location_country,
    });
    const phone = readContactPhone(typed, country);
    const accepted = await acceptContactVersion(db, deps.queue, workspace.id, {
      externalId,
      version,
      // Never later than now: an app whose clock runs ahead cannot make its version win over an
      // edit staff make in HighLevel after it arrived.
      updatedAt: new Date(Math.min(updatedAt ? Date.parse(updatedAt) : Date.now(), Date.now())),
      fields: { ...fields, ...('phone' in phone && phone.phone ? { phone: phone.phone } : {}) },
      tags,
      problems: 'problem' in phone ? [phone.problem] : [],
    });
    if (accepted.outcome === 'needs_identity') {
      throw validationFailed([
        'reading' in phone
          ? { path: ['phone'], message: unreadablePhoneRefusal(phone.reading) }
          : {
              path: ['email'],
              message:
                'expected an email or a phone: HighLevel finds (or creates) the contact by them the first time',
            },
      ]);
    }
    c.set(
      'log',
      c
        .get('log')
        .child({ workspaceId: workspace.id, externalId, version, outcome: accepted.outcome }),
    );
    const { notes: _notes, tasks: _tasks, ...view } = contactView(accepted.row);
    const answer = { ...view, outcome: accepted.outcome };
    return accepted.outcome === 'accepted' ? c.json(answer, 202) : c.json(answer, 200);
  });
}
