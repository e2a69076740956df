import { describe, expect, it } from 'vitest';
import { API_TAGS, tagOf, withTags } from './apiDocumentTags.js';

describe('tagOf', () => {
  it.each([
    ['/healthz', 'Health'],
    ['/v1/workspaces/{ws}/health', 'Health'],
    ['/v1/sessions', 'Dashboard sessions'],
    ['/v1/workspaces', 'Workspaces'],
    ['/v1/workspaces/{ws}', 'Workspaces'],
    ['/v1/workspaces/{ws}/api-key', 'Workspaces'],
    ['/v1/oauth/install', 'HighLevel connection'],
    ['/v1/workspaces/{ws}/integrations/gohighlevel/check', 'HighLevel connection'],
    ['/v1/workspaces/{ws}/bookings/{bookingId}/timeline', 'Bookings'],
    ['/v1/workspaces/{ws}/backfill/state', 'Booking sync'],
    ['/v1/workspaces/{ws}/backfills', 'Booking sync'],
    ['/v1/workspaces/{ws}/contacts/{externalId}/tasks/{taskId}', 'Contacts, notes and tasks'],
    ['/v1/workspaces/{ws}/voice/vapi', 'Vapi'],
    ['/v1/workspaces/{ws}/voice/calls/{callId}', 'Voice'],
    ['/v1/workspaces/{ws}/appointments/{appointmentId}', 'Voice'],
    ['/v1/workspaces/{ws}/triggers/{triggerId}/poll', 'Catalogue, actions and triggers'],
    ['/v1/workspaces/{ws}/mcp/clients', 'MCP'],
    ['/v1/webhooks/highlevel', 'HighLevel webhooks'],
    ['/v1/workspaces/{ws}/highlevel-reconciliation', 'HighLevel webhooks'],
  ])('%s is in %s', (path, tag) => {
    expect(tagOf(path)).toBe(tag);
  });

  it('takes a path only as a whole segment, and names no group for a path outside them all', () => {
    expect(tagOf('/healthzz')).toBeUndefined();
    expect(tagOf('/v2/things')).toBeUndefined();
  });
});

describe('withTags', () => {
  it('lists the groups and puts each operation in its own, keeping groups an operation names', () => {
    const tagged = withTags({
      paths: {
        '/healthz': { get: { summary: 'Liveness' }, parameters: [] },
        '/v1/workspaces/{ws}/mcp': { post: { tags: ['Custom'] } },
      },
    });
    expect(tagged.tags).toEqual(API_TAGS);
    expect(tagged.paths['/healthz']).toEqual({
      get: { summary: 'Liveness', tags: ['Health'] },
      parameters: [],
    });
    expect(tagged.paths['/v1/workspaces/{ws}/mcp']).toEqual({ post: { tags: ['Custom'] } });
  });
});
