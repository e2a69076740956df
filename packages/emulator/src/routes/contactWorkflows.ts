/**
 * A contact's workflows (contacts.json, tag "Workflow"): add to one, remove from one, both 200
 * `{ succeded: true }` with HighLevel's spelling, both with `CreateWorkflowDto` (`eventStartTime`,
 * when the workflow's first event runs). Adding a contact already in the workflow keeps its
 * place; removing one who is not in it succeeds.
 */
import { workflowOf } from '../automation/lookup.js';
import { contactOf } from '../contacts/lookup.js';
import { dtoRules, validBody } from '../dto.js';
import { unprocessable } from '../errors.js';
import { newId } from '../ids.js';
import { nowIso, route, type RouteRequest } from '../runtime.js';

const rules = dtoRules('contacts', 'CreateWorkflowDto');

function parts({ params, body, location, rt }: RouteRequest) {
  const input = validBody(rules, body);
  if (typeof input.eventStartTime === 'string' && Number.isNaN(Date.parse(input.eventStartTime))) {
    throw unprocessable(['eventStartTime must be a valid ISO 8601 date string']);
  }
  const contact = contactOf(rt, location, params.contactId!);
  const workflow = workflowOf(rt, location, params.workflowId!);
  const place = Object.values(rt.state.contactWorkflows).find(
    (r) => r.contactId === contact.id && r.workflowId === workflow.id,
  );
  return { contact, workflow, eventStartTime: input.eventStartTime as string | undefined, place };
}

export const addContactToWorkflowRoute = route(
  'POST',
  '/contacts/{contactId}/workflow/{workflowId}',
  (req) => {
    const { contact, workflow, eventStartTime, place } = parts(req);
    if (!place) {
      const id = newId();
      req.rt.state.contactWorkflows[id] = {
        id,
        locationId: req.location.id,
        contactId: contact.id,
        workflowId: workflow.id,
        ...(eventStartTime === undefined ? {} : { eventStartTime }),
        dateAdded: nowIso(req.rt),
      };
    }
    return { status: 200, body: { succeded: true } };
  },
);

export const removeContactFromWorkflowRoute = route(
  'DELETE',
  '/contacts/{contactId}/workflow/{workflowId}',
  (req) => {
    const { place } = parts(req);
    if (place) delete req.rt.state.contactWorkflows[place.id];
    return { status: 200, body: { succeded: true } };
  },
);

export const contactWorkflowRoutes = [addContactToWorkflowRoute, removeContactFromWorkflowRoute];
