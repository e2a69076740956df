/**
 * `GET /workflows/`: a Location's workflows (workflows.json `GetWorkflowSuccessfulResponseDto`),
 * drafts included, oldest first. HighLevel has no operation to make one; the control API does.
 */
import { workflowView } from '../automation/view.js';
import { unprocessable } from '../errors.js';
import { route } from '../runtime.js';

export const listWorkflowsRoute = route('GET', '/workflows/', ({ query, location, rt }) => {
  if (!query.get('locationId')) throw unprocessable(['locationId should not be empty']);
  const workflows = Object.values(rt.state.workflows)
    .filter((w) => w.locationId === location.id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { status: 200, body: { workflows: workflows.map(workflowView) } };
});

export const workflowRoutes = [listWorkflowsRoute];
