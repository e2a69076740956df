/**
 * Something that happened in a Location, in the shape of HighLevel's webhook payloads. Writes
 * announce one (`emit`); webhook delivery and in-process listeners receive it.
 */
export interface EmulatorEvent {
  /** HighLevel's event name: `ContactCreate`, `NoteCreate`, `TaskComplete`, … */
  type: string;
  /** Null for an agency-level event: an app installed on or removed from a Company. */
  locationId: string | null;
  payload: Record<string, unknown>;
}
