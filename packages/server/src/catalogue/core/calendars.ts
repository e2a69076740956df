/**
 * The connector's Calendars & Appointments category: calendar groups, calendars, free slots,
 * appointments and blocked slots, appointment notes, notifications and resources.
 * HighLevel: https://marketplace.gohighlevel.com/docs/ghl/calendars/get-calendars and its siblings.
 */
import { action, changed, many, one, trigger } from './draft.js';
import type { EntryDraft } from './entry.js';

const RESOURCE_ID_NOTE =
  'The spec’s calendar resource has no id field, so a resource is told apart by its whole content.';

export const calendars: readonly EntryDraft[] = [
  trigger(
    'List Calendar Groups',
    'Get all calendar groups',
    'GET /calendars/groups',
    many('groups', 'id', 'content'),
  ),
  trigger(
    'List Calendars',
    'Retrieve all calendars',
    'GET /calendars/',
    many('calendars', 'id', 'content'),
  ),
  trigger(
    'Get Calendar by ID',
    'Get specific calendar details',
    'GET /calendars/{calendarId}',
    one('calendar', 'id', 'content'),
  ),
  // The answer is keyed by day, each `{slots: [...]}`; a slot is its own start time.
  trigger(
    'Get Free Slots',
    'Check calendar availability',
    'GET /calendars/{calendarId}/free-slots',
    many('*.slots', null, 'new-ids-only'),
    {
      note: '`startDate` and `endDate` are epoch milliseconds at most 31 days apart; HighLevel also puts a `traceId` key among the days (docs/highlevel-behaviour.md, Free slots).',
    },
  ),
  trigger(
    'List Calendar Events',
    'Get all scheduled events',
    'GET /calendars/events',
    many('events', 'id', changed('dateUpdated')),
  ),
  trigger(
    'List Blocked Slots',
    'View unavailable time slots',
    'GET /calendars/blocked-slots',
    many('events', 'id', changed('dateUpdated')),
  ),
  trigger(
    'Get Appointment',
    'Retrieve appointment details',
    'GET /calendars/events/appointments/{eventId}',
    one('event', 'id', changed('dateUpdated')),
  ),
  trigger(
    'List Appointment Notes',
    'Get notes for appointments',
    'GET /calendars/appointments/{appointmentId}/notes',
    many('notes', 'id', 'content'),
  ),
  trigger(
    'List Calendar Notifications',
    'View notification settings',
    'GET /calendars/{calendarId}/notifications',
    many('', '_id', 'content'),
  ),
  trigger(
    'Get Calendar Notification',
    'Get specific notification',
    'GET /calendars/{calendarId}/notifications/{notificationId}',
    one('', '_id', 'content'),
  ),
  trigger(
    'List Calendar Resources',
    'View rooms and equipment',
    'GET /calendars/resources/{resourceType}',
    many('', null, 'new-ids-only'),
    { note: RESOURCE_ID_NOTE },
  ),
  trigger(
    'Get Calendar Resource',
    'Get specific resource details',
    'GET /calendars/resources/{resourceType}/{id}',
    one('', null, 'content'),
  ),
  action('Create Calendar Group', 'Set up new calendar group', 'POST /calendars/groups'),
  action(
    'Update Calendar Group',
    'Modify calendar group settings',
    'PUT /calendars/groups/{groupId}',
  ),
  action(
    'Update Group Status',
    'Enable or disable calendar group',
    'PUT /calendars/groups/{groupId}/status',
  ),
  action('Delete Calendar Group', 'Remove calendar group', 'DELETE /calendars/groups/{groupId}'),
  action(
    'Validate Group Slug',
    'Check if slug is available',
    'POST /calendars/groups/validate-slug',
  ),
  action('Create Calendar', 'Add new calendar', 'POST /calendars/'),
  action('Update Calendar', 'Modify calendar settings', 'PUT /calendars/{calendarId}'),
  action('Delete Calendar', 'Remove calendar permanently', 'DELETE /calendars/{calendarId}'),
  action('Create Appointment', 'Book new appointment', 'POST /calendars/events/appointments'),
  action(
    'Update Appointment',
    'Modify appointment details',
    'PUT /calendars/events/appointments/{eventId}',
  ),
  action('Delete Event', 'Cancel and remove event', 'DELETE /calendars/events/{eventId}'),
  action('Create Block Slot', 'Block time on calendar', 'POST /calendars/events/block-slots'),
  action('Update Block Slot', 'Modify blocked time', 'PUT /calendars/events/block-slots/{eventId}'),
  action(
    'Create Appointment Note',
    'Add notes to appointments',
    'POST /calendars/appointments/{appointmentId}/notes',
  ),
  action(
    'Update Appointment Note',
    'Edit appointment notes',
    'PUT /calendars/appointments/{appointmentId}/notes/{noteId}',
  ),
  action(
    'Delete Appointment Note',
    'Remove appointment notes',
    'DELETE /calendars/appointments/{appointmentId}/notes/{noteId}',
  ),
  action(
    'Create Calendar Notification',
    'Set up reminders',
    'POST /calendars/{calendarId}/notifications',
  ),
  action(
    'Update Notification',
    'Modify notification settings',
    'PUT /calendars/{calendarId}/notifications/{notificationId}',
  ),
  action(
    'Delete Notification',
    'Remove notification',
    'DELETE /calendars/{calendarId}/notifications/{notificationId}',
  ),
  action(
    'Create Calendar Resource',
    'Add room or equipment',
    'POST /calendars/resources/{resourceType}',
  ),
  action(
    'Update Calendar Resource',
    'Modify resource details',
    'PUT /calendars/resources/{resourceType}/{id}',
  ),
  action(
    'Delete Calendar Resource',
    'Remove resource',
    'DELETE /calendars/resources/{resourceType}/{id}',
  ),
];
