/** `GET /opportunities/pipelines`: a Location's pipelines with their stages. */
import { unprocessable } from '../errors.js';
import { pipelineView } from '../opportunities/view.js';
import { route } from '../runtime.js';

export const listPipelinesRoute = route(
  'GET',
  '/opportunities/pipelines',
  ({ query, location, rt }) => {
    if (!query.get('locationId')) throw unprocessable(['locationId should not be empty']);
    const pipelines = Object.values(rt.state.pipelines)
      .filter((p) => p.locationId === location.id)
      .sort((a, b) => a.dateAdded.localeCompare(b.dateAdded));
    return { status: 200, body: { pipelines: pipelines.map(pipelineView) } };
  },
);

export const pipelineRoutes = [listPipelinesRoute];
