// The emulator's calendar domain: pure functions over plain data that the HTTP routes call.
export type {
  AppointmentStatus,
  Availability,
  AvailabilityType,
  BlockedSlot,
  Calendar,
  CalendarEvent,
  CalendarType,
  Hours,
  LocationConfiguration,
  LocationKind,
  OpenHours,
  TeamMember,
} from './model.js';
export { APPOINTMENT_STATUSES, CALENDAR_TYPES, LOCATION_KINDS } from './model.js';
export type { FieldError } from './fields.js';
export { normalizeCalendarInput, type CalendarInputResult } from './calendarInput.js';
export {
  computeFreeSlots,
  MAX_RANGE_DAYS,
  type FreeSlotsByDate,
  type FreeSlotsErrorCode,
  type FreeSlotsQuery,
  type FreeSlotsResult,
} from './freeSlots.js';
export {
  checkSlotAvailable,
  SLOT_UNAVAILABLE_MESSAGE,
  type SlotCheck,
  type SlotCheckResult,
} from './booking.js';
export {
  formatOffsetIso,
  formatWallClock,
  isValidTimeZone,
  parseInstant,
  type DurationUnit,
  type NoticeUnit,
  type WindowUnit,
} from './times.js';
