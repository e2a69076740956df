/**
 * `GET /snapshots/` (spec/highlevel/apps/snapshots.json): an agency's own and imported
 * snapshots, made with the control API (`createSnapshot`). Agency tokens only; `companyId` is
 * required and must be the token's agency.
 */
import { unprocessable, wrongLocation } from '../errors.js';
import { agencyRoute } from '../runtime.js';

export const listSnapshotsRoute = agencyRoute('GET', '/snapshots/', ({ query, company, rt }) => {
  const companyId = query.get('companyId');
  if (!companyId) throw unprocessable(['companyId should not be empty']);
  if (companyId !== company.id) throw wrongLocation();
  const snapshots = Object.values(rt.state.snapshots)
    .filter((s) => s.companyId === company.id)
    .sort((a, b) => a.dateAdded.localeCompare(b.dateAdded))
    .map(({ id, name, type }) => ({ id, name, type }));
  return { status: 200, body: { snapshots } };
});

export const snapshotRoutes = [listSnapshotsRoute];
