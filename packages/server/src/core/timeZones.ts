/**
 * Time zones for Luxon with what Intl tells about them remembered. Luxon asks Intl for a zone's
 * UTC offset on every conversion (a `formatToParts` call, several per DateTime), and checks a
 * zone name by building a new `Intl.DateTimeFormat`; a voice availability check converts
 * hundreds of slot times, so those calls were most of the latency the bridge adds to a call.
 * The answers cannot change while the process runs (the time zone database is loaded once).
 */
import { IANAZone, Info, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

/** Offsets kept per zone before starting over; a busy day of slots uses a few hundred. */
const MOST_OFFSETS_KEPT = 20_000;

/** An IANA zone whose offset at each instant is computed once. */
class RememberedZone extends Zone {
  readonly #zone: IANAZone;
  readonly #offsets = new Map<number, number>();

  constructor(zone: IANAZone) {
    super();
    this.#zone = zone;
  }

  override get type(): string {
    return this.#zone.type;
  }

  override get name(): string {
    return this.#zone.name;
  }

  override get isUniversal(): boolean {
    return this.#zone.isUniversal;
  }

  override get isValid(): boolean {
    return this.#zone.isValid;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.#zone.offsetName(ts, options);
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.#zone.formatOffset(ts, format);
  }

  override offset(ts: number): number {
    let offset = this.#offsets.get(ts);
    if (offset === undefined) {
      offset = this.#zone.offset(ts);
      if (this.#offsets.size >= MOST_OFFSETS_KEPT) this.#offsets.clear();
      this.#offsets.set(ts, offset);
    }
    return offset;
  }

  override equals(other: Zone): boolean {
    return this.#zone.equals(other);
  }
}

const zones = new Map<string, Zone>();
const knownNames = new Map<string, boolean>();

/**
 * Whether `name` is a time zone Intl knows (an IANA name like America/New_York).
 *
 * @example isTimeZone('Europe/Berlin'); // true
 */
export function isTimeZone(name: string): boolean {
  let known = knownNames.get(name);
  if (known === undefined) {
    known = IANAZone.isValidZone(name);
    // Bounded: names come from requests, and an unknown one is cheap to check again.
    if (known || knownNames.size < 1_000) knownNames.set(name, known);
  }
  return known;
}

/**
 * The zone to hand Luxon for `name` wherever a string would do (`{ zone }`, `setZone`). Names
 * Luxon reads as something else ("UTC", "UTC+2", "local") or does not know are left to Luxon.
 *
 * @example DateTime.fromISO('2026-12-01T09:00', { zone: timeZone('America/New_York') });
 */
export function timeZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    const read: Zone = Info.normalizeZone(name);
    zone = read instanceof IANAZone && read.isValid ? new RememberedZone(read as IANAZone) : read;
    if (isTimeZone(name) || zones.size < 1_000) zones.set(name, zone);
  }
  return zone;
}
