import { DateTime } from 'luxon';
import { fieldReader, isRecord, type FieldError, type FieldReader } from './fields.js';
import {
  CALENDAR_TYPES,
  LOCATION_KINDS,
  type Availability,
  type Calendar,
  type Hours,
  type LocationConfiguration,
  type OpenHours,
  type TeamMember,
} from './model.js';
import { closeMinuteOfDay, openMinuteOfDay } from './openHours.js';

export type CalendarInputResult =
  { ok: true; calendar: Calendar } | { ok: false; errors: FieldError[] };

const DURATION_UNITS = ['mins', 'hours'] as const;
const OPTIONAL_STRINGS = [
  'groupId',
  'description',
  'slug',
  'widgetSlug',
  'formId',
  'formSubmitRedirectURL',
  'formSubmitThanksMessage',
  'alertEmail',
  'pixelId',
  'consentLabel',
  'calendarCoverImage',
  'notes',
] as const satisfies readonly (keyof Calendar)[];
const OPTIONAL_BOOLEANS = [
  'stickyContact',
  'isLivePaymentMode',
  'shouldSendAlertEmailsToAssignedMember',
  'shouldAssignContactToTeamMember',
  'shouldSkipAssigningContactForExisting',
] as const satisfies readonly (keyof Calendar)[];
/** Spec fields the emulator does not model; accepting them silently would fake behaviour. */
const UNSUPPORTED = new Map([
  ['notifications', 'is deprecated; HighLevel points to the Calendar Notifications APIs'],
  ['meetingLocation', 'is deprecated and read-only; use locationConfigurations'],
  ['recurring', 'is not supported by the emulator'],
  ['lookBusyConfig', 'is not supported by the emulator'],
]);
/** HighLevel spells these without the "t"; a correctly spelled key would otherwise be lost. */
const MISSPELLED = new Map([
  ['appointmentPerSlot', 'appoinmentPerSlot'],
  ['appointmentPerDay', 'appoinmentPerDay'],
]);
const KNOWN = new Set<string>([
  ...OPTIONAL_STRINGS,
  ...OPTIONAL_BOOLEANS,
  ...['locationId', 'name', 'calendarType', 'widgetType', 'eventType', 'eventTitle', 'eventColor'],
  ...['teamMembers', 'locationConfigurations', 'openHours', 'availabilities', 'availabilityType'],
  ...['slotDuration', 'slotDurationUnit', 'slotInterval', 'slotIntervalUnit'],
  ...['slotBuffer', 'slotBufferUnit', 'preBuffer', 'preBufferUnit'],
  ...['appoinmentPerSlot', 'appoinmentPerDay', 'allowBookingAfter', 'allowBookingAfterUnit'],
  ...['allowBookingFor', 'allowBookingForUnit', 'enableRecurring', 'autoConfirm'],
  ...['allowReschedule', 'allowCancellation', 'googleInvitationEmails', 'isActive'],
  ...['formSubmitType', 'guestType'],
]);
/**
 * [spec] CalendarCreateDTO.teamMembers: "required for calendars of type: Round Robin, Collective,
 * Class, Service".
 */
const NEEDS_TEAM = new Set(['round_robin', 'collective', 'class_booking', 'service_booking']);

function readHours(read: FieldReader): Hours | undefined {
  const minute = { integer: true, min: 0, max: 60 };
  const hour = { integer: true, min: 0, max: 23 };
  const openHour = read.number('openHour', hour, true);
  const openMinute = read.number('openMinute', minute, true);
  const closeHour = read.number('closeHour', hour, true);
  const closeMinute = read.number('closeMinute', minute, true);
  if (openHour === undefined || openMinute === undefined) return undefined;
  if (closeHour === undefined || closeMinute === undefined) return undefined;
  const hours = { openHour, openMinute, closeHour, closeMinute };
  if (closeMinuteOfDay(hours) <= openMinuteOfDay(hours))
    return read.fail('closeHour', 'must be after the opening time (00:00 closes at midnight)');
  return hours;
}

function readOpenHours(read: FieldReader): OpenHours | undefined {
  const daysOfTheWeek = read.numbers('daysOfTheWeek', { integer: true, min: 0, max: 6 });
  const hours = read.objects('hours', readHours);
  if (daysOfTheWeek === undefined) return read.fail('daysOfTheWeek', 'should not be empty');
  if (hours === undefined) return read.fail('hours', 'should not be empty');
  return { daysOfTheWeek, hours };
}

const AVAILABILITY_DATE = /^(\d{4}-\d{2}-\d{2})(T00:00:00(\.000)?Z)?$/;

function readAvailability(read: FieldReader): Availability | undefined {
  const date = read.string('date', true);
  const hours = read.objects('hours', readHours) ?? read.fail('hours', 'should not be empty');
  const deleted = read.boolean('deleted') ?? false;
  if (date === undefined || hours === undefined) return undefined;
  const day = AVAILABILITY_DATE.exec(date)?.[1];
  if (day === undefined || !DateTime.fromISO(day).isValid)
    return read.fail(
      'date',
      'must look like 2023-09-24T00:00:00.000Z (the local date at midnight Z)',
    );
  return { date: `${day}T00:00:00.000Z`, hours, deleted };
}

function readTeamMember(read: FieldReader): TeamMember | undefined {
  const userId = read.string('userId', true);
  const priority = read.oneOf('priority', [0, 0.5, 1] as const) ?? 0.5;
  const isPrimary = read.boolean('isPrimary');
  if (userId === undefined) return undefined;
  return { userId, priority, ...(isPrimary === undefined ? {} : { isPrimary }) };
}

function readLocationConfiguration(read: FieldReader): LocationConfiguration | undefined {
  const kind = read.oneOf('kind', LOCATION_KINDS, true);
  const location = read.string('location');
  if (kind === undefined) return undefined;
  return { kind, ...(location === undefined ? {} : { location }) };
}

function checkTeam(read: FieldReader, type: string, team: TeamMember[]): void {
  if (type === 'personal' && team.length !== 1)
    read.fail('teamMembers', 'must hold exactly one member for a personal calendar');
  if (NEEDS_TEAM.has(type) && team.length === 0)
    read.fail('teamMembers', `are required for calendars of type ${type}`);
  if (team.filter((member) => member.isPrimary).length > 1)
    read.fail('teamMembers', 'can mark only one member as primary');
}

/**
 * Validates a calendar create body (the control API's, shaped like [spec] `CalendarCreateDTO`)
 * and fills HighLevel's defaults. `assigned` carries what the server decides: the new id and the
 * location it is created in. Unknown properties are refused the way HighLevel's whitelist does.
 *
 * @example
 * const result = normalizeCalendarInput(
 *   {
 *     name: 'Consult',
 *     openHours: [
 *       {
 *         daysOfTheWeek: [1],
 *         hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }],
 *       },
 *     ],
 *   },
 *   { id: 'cal_1', locationId: 'loc_1' },
 * );
 * if (result.ok) result.calendar.slotDuration; // 30
 */
export function normalizeCalendarInput(
  input: unknown,
  assigned: { id: string; locationId: string },
): CalendarInputResult {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'body must be a JSON object' }] };
  const read = fieldReader(input);
  for (const key of Object.keys(input)) {
    const unsupported = UNSUPPORTED.get(key);
    const spelling = MISSPELLED.get(key);
    if (unsupported) read.fail(key, unsupported);
    else if (spelling)
      read.errors.push({
        field: key,
        message: `property ${key} should not exist (HighLevel spells it ${spelling})`,
      });
    else if (!KNOWN.has(key))
      read.errors.push({ field: key, message: `property ${key} should not exist` });
  }

  const locationId = read.string('locationId');
  if (locationId !== undefined && locationId !== assigned.locationId)
    read.fail(
      'locationId',
      `must be the location the calendar is created in (${assigned.locationId})`,
    );
  const calendarType = read.oneOf('calendarType', CALENDAR_TYPES) ?? 'event';
  const teamMembers = read.objects('teamMembers', readTeamMember) ?? [];
  checkTeam(read, calendarType, teamMembers);

  const positive = { positive: true };
  const allowBookingAfter = read.number('allowBookingAfter', { min: 0 });
  const allowBookingFor = read.number('allowBookingFor', { min: 0 });
  const noticeUnit = read.oneOf('allowBookingAfterUnit', [
    'hours',
    'days',
    'weeks',
    'months',
  ] as const);
  const windowUnit = read.oneOf('allowBookingForUnit', ['days', 'weeks', 'months'] as const);
  const calendar: Calendar = {
    id: assigned.id,
    locationId: assigned.locationId,
    name: read.string('name', true) ?? '',
    calendarType,
    widgetType: read.oneOf('widgetType', ['default', 'classic'] as const) ?? 'classic',
    eventType:
      read.oneOf('eventType', [
        'RoundRobin_OptimizeForAvailability',
        'RoundRobin_OptimizeForEqualDistribution',
      ] as const) ?? 'RoundRobin_OptimizeForAvailability',
    eventTitle: read.string('eventTitle') ?? '{{contact.name}}',
    eventColor: read.string('eventColor') ?? '#039be5',
    teamMembers,
    locationConfigurations: read.objects('locationConfigurations', readLocationConfiguration) ?? [],
    slotDuration: read.number('slotDuration', positive) ?? 30,
    slotDurationUnit: read.oneOf('slotDurationUnit', DURATION_UNITS) ?? 'mins',
    slotInterval: read.number('slotInterval', positive) ?? 30,
    slotIntervalUnit: read.oneOf('slotIntervalUnit', DURATION_UNITS) ?? 'mins',
    slotBuffer: read.number('slotBuffer', { min: 0 }) ?? 0,
    slotBufferUnit: read.oneOf('slotBufferUnit', DURATION_UNITS) ?? 'mins',
    preBuffer: read.number('preBuffer', { min: 0 }) ?? 0,
    preBufferUnit: read.oneOf('preBufferUnit', DURATION_UNITS) ?? 'mins',
    appoinmentPerSlot: read.number('appoinmentPerSlot', { integer: true, min: 1 }) ?? 1,
    ...optional('appoinmentPerDay', read.number('appoinmentPerDay', { integer: true, min: 0 })),
    // The spec names no default unit for these; its example for both is "days".
    ...optional('allowBookingAfter', allowBookingAfter),
    ...optional('allowBookingAfterUnit', allowBookingAfter ? (noticeUnit ?? 'days') : noticeUnit),
    ...optional('allowBookingFor', allowBookingFor),
    ...optional('allowBookingForUnit', allowBookingFor ? (windowUnit ?? 'days') : windowUnit),
    openHours: read.objects('openHours', readOpenHours) ?? [],
    availabilityType: read.oneOf('availabilityType', [0, 1] as const) ?? null,
    availabilities: read.objects('availabilities', readAvailability) ?? [],
    enableRecurring: read.boolean('enableRecurring') ?? false,
    autoConfirm: read.boolean('autoConfirm') ?? true,
    allowReschedule: read.boolean('allowReschedule') ?? true,
    allowCancellation: read.boolean('allowCancellation') ?? true,
    googleInvitationEmails: read.boolean('googleInvitationEmails') ?? false,
    isActive: read.boolean('isActive') ?? true,
    formSubmitType:
      read.oneOf('formSubmitType', ['RedirectURL', 'ThankYouMessage'] as const) ??
      'ThankYouMessage',
    ...optional('guestType', read.oneOf('guestType', ['count_only', 'collect_detail'] as const)),
  };
  for (const key of OPTIONAL_STRINGS) Object.assign(calendar, optional(key, read.string(key)));
  for (const key of OPTIONAL_BOOLEANS) Object.assign(calendar, optional(key, read.boolean(key)));
  return read.errors.length > 0 ? { ok: false, errors: read.errors } : { ok: true, calendar };
}

/** `{ [key]: value }` when there is a value, `{}` otherwise, so absent fields stay absent. */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Partial<Record<K, V>>);
}
