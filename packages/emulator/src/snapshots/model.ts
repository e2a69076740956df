/**
 * An agency's snapshots (spec/highlevel/apps/snapshots.json `SnapshotsSchema`): templates of a
 * Location's setup. HighLevel makes them in its UI; the emulator makes them through its control
 * API and lists them at `GET /snapshots/`.
 */
export interface SnapshotRecord {
  id: string;
  companyId: string;
  name: string;
  /** `own` (made by the agency) or `imported` (shared with it). */
  type: 'own' | 'imported';
  dateAdded: string;
}
