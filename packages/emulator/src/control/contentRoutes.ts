/**
 * Calls and blogs over HTTP: `/_emulator/locations/:id/calls`, `…/calls/:messageId/recording`,
 * `…/blogs`, `…/blog-authors`, `…/blog-categories`.
 */
import type { Hono } from 'hono';
import type { BlogsControl } from './blogsControl.js';
import { optionalString, optionalStrings } from './bodyFields.js';
import type { CallsControl } from './callsControl.js';
import { ControlError } from './controlError.js';
import { jsonBody } from './jsonBody.js';

function optionalNumber(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !(value >= 0)) {
    throw new ControlError(422, 'invalid_field', `${name} must be a number of 0 or more`);
  }
  return value;
}

function oneOf<T extends string>(
  body: Record<string, unknown>,
  name: string,
  values: readonly T[],
) {
  const value = optionalString(body, name);
  if (value !== undefined && !values.includes(value as T)) {
    throw new ControlError(422, 'invalid_field', `${name} must be one of ${values.join(', ')}`);
  }
  return value as T | undefined;
}

/** The recording fields: `recordingBase64` (a WAV file) and `transcript` (one sentence a line). */
const recordingOf = (body: Record<string, unknown>) => ({
  recording: optionalString(body, 'recordingBase64'),
  transcript: optionalStrings(body, 'transcript'),
});

export function contentControlRoutes(app: Hono, control: CallsControl & BlogsControl): void {
  app.post('/locations/:id/calls', async (c) => {
    const body = await jsonBody(c);
    const contactId = optionalString(body, 'contactId');
    if (!contactId) throw new ControlError(422, 'invalid_field', 'contactId is required');
    const call = control.recordCall(c.req.param('id'), {
      contactId,
      direction: oneOf(body, 'direction', ['inbound', 'outbound'] as const),
      durationSeconds: optionalNumber(body, 'durationSeconds'),
      status: oneOf(body, 'status', ['completed', 'voicemail'] as const),
      ...recordingOf(body),
    });
    return c.json(call, 201);
  });

  app.put('/locations/:id/calls/:messageId/recording', async (c) => {
    const body = await jsonBody(c);
    const { id, messageId } = c.req.param();
    return c.json(control.replaceCallRecording(id, messageId, recordingOf(body)));
  });

  app.post('/locations/:id/blogs', async (c) => {
    const body = await jsonBody(c);
    return c.json(
      control.createBlog(c.req.param('id'), { name: optionalString(body, 'name') }),
      201,
    );
  });

  app.post('/locations/:id/blog-authors', async (c) => {
    const body = await jsonBody(c);
    const input = {
      name: optionalString(body, 'name'),
      canonicalLink: optionalString(body, 'canonicalLink'),
    };
    return c.json(control.createBlogAuthor(c.req.param('id'), input), 201);
  });

  app.post('/locations/:id/blog-categories', async (c) => {
    const body = await jsonBody(c);
    const input = {
      label: optionalString(body, 'label'),
      urlSlug: optionalString(body, 'urlSlug'),
      canonicalLink: optionalString(body, 'canonicalLink'),
    };
    return c.json(control.createBlogCategory(c.req.param('id'), input), 201);
  });
}
