import { expect, it } from 'vitest';
import { bookingEvent } from '../../../test/bookings.js';
import { describeOnBackends } from '../../../test/harness.js';
import { containing } from '../../../test/matchers.js';
import { MAX_BODY_DEPTH } from './jsonBody.js';

const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjects = (depth: number) => '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth);
const tooDeep = containing(`deeper than ${MAX_BODY_DEPTH} levels`);

describeOnBackends('bodies nested too deep', (server) => {
  it('refuses a body nested 10,000 and 100,000 deep with 422, not a crash', async () => {
    const { id } = await server().createWorkspace();
    for (const depth of [10_000, 100_000]) {
      const res = await server().call('PATCH', `/v1/workspaces/${id}`, {
        body: `{"name":${nestedArrays(depth)}}`,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({
        code: 'validation_failed',
        details: { fields: [{ path: containing('name.0.0.'), message: tooDeep }] },
      });
    }
  });

  it('names the field of a booking where the nesting went too deep', async () => {
    const { id } = await server().createWorkspace();
    const event = { ...bookingEvent({ id: 'bk_deep' }), metadata: { room: 'DEEP' } };
    const res = await server().call('POST', `/v1/workspaces/${id}/bookings`, {
      body: JSON.stringify(event).replace('"DEEP"', nestedObjects(5_000)),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error?.details?.fields).toEqual([
      { path: containing('metadata.room.a.a.'), message: tooDeep },
    ]);
  });

  it('leaves a body as deep as the limit to the route, which says what is wrong with it', async () => {
    const { id } = await server().createWorkspace();
    const call = (depth: number) =>
      server().call('PATCH', `/v1/workspaces/${id}`, {
        body: `{"name":${nestedArrays(depth)}}`,
        headers: { 'content-type': 'application/json' },
      });
    const atLimit = await call(MAX_BODY_DEPTH);
    expect(atLimit.status).toBe(422);
    expect(atLimit.body.error?.details?.fields).toEqual([
      { path: 'name', message: containing('expected string') },
    ]);
    const pastLimit = await call(MAX_BODY_DEPTH + 1);
    expect(pastLimit.body.error?.details?.fields).toEqual([
      { path: containing('name.0.'), message: tooDeep },
    ]);
  });
});
