/**
 * `GET /campaigns/`: a Location's campaigns (campaigns.json `CampaignsSuccessfulResponseDto`),
 * oldest first, only those of `status` when it is given. HighLevel has no operation to make one;
 * the control API does.
 */
import { campaignView } from '../automation/view.js';
import { unprocessable } from '../errors.js';
import { route } from '../runtime.js';

export const listCampaignsRoute = route('GET', '/campaigns/', ({ query, location, rt }) => {
  if (!query.get('locationId')) throw unprocessable(['locationId should not be empty']);
  const status = query.get('status');
  const campaigns = Object.values(rt.state.campaigns)
    .filter((c) => c.locationId === location.id && (!status || c.status === status))
    .sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id));
  return { status: 200, body: { campaigns: campaigns.map(campaignView) } };
});

export const campaignRoutes = [listCampaignsRoute];
