import { describe, expect, it } from 'vitest';
import type { CalendarEvent, TeamMember } from './model.js';
import { pickRoundRobinMember } from './roundRobin.js';
import { appointment, NEW_YORK, testCalendar } from './testing.js';

const TEN = Date.parse('2026-03-02T10:00:00-05:00');
const on = (date: string, userId: string, extra: Partial<CalendarEvent> = {}) =>
  appointment(`${date}T09:00:00-05:00`, `${date}T09:30:00-05:00`, {
    assignedUserId: userId,
    ...extra,
  });

interface Row {
  name: string;
  eventType?: string;
  team: Partial<TeamMember>[];
  free?: string[];
  events?: CalendarEvent[];
  picked: string | undefined;
}

const AVAILABILITY = 'RoundRobin_OptimizeForAvailability';
const EQUAL = 'RoundRobin_OptimizeForEqualDistribution';
const plain = [{ userId: 'u1' }, { userId: 'u2' }, { userId: 'u3' }];

describe('pickRoundRobinMember', () => {
  it.each<Row>([
    { name: 'nobody free', team: plain, free: [], picked: undefined },
    { name: 'the only free member', team: plain, free: ['u2'], picked: 'u2' },
    {
      name: 'equals: teamMembers order, not the order free',
      team: plain,
      free: ['u3', 'u2'],
      picked: 'u2',
    },
    {
      name: 'availability: the highest priority',
      team: [{ userId: 'u1', priority: 0 }, { userId: 'u2', priority: 1 }, { userId: 'u3' }],
      picked: 'u2',
    },
    {
      name: 'availability: priority before the day’s count',
      team: [{ userId: 'u1', priority: 1 }, { userId: 'u2' }],
      events: [on('2026-03-02', 'u1'), on('2026-03-02', 'u1')],
      picked: 'u1',
    },
    {
      name: 'availability: equal priority, fewer that day',
      team: plain,
      events: [on('2026-03-02', 'u1'), on('2026-03-02', 'u2'), on('2026-03-01', 'u3')],
      picked: 'u3',
    },
    {
      name: 'availability: other days, other calendars and cancellations do not count',
      team: plain,
      events: [
        on('2026-03-03', 'u1'),
        on('2026-03-02', 'u1', { calendarId: 'cal_2' }),
        on('2026-03-02', 'u1', { appointmentStatus: 'cancelled' }),
        on('2026-03-02', 'u2'),
      ],
      picked: 'u1',
    },
    {
      name: 'availability: the moving appointment does not count',
      team: plain,
      events: [on('2026-03-02', 'u1', { id: 'evt_moving' }), on('2026-03-02', 'u2')],
      picked: 'u1',
    },
    {
      name: 'equal distribution: fewest this month, whatever the priority',
      eventType: EQUAL,
      team: [
        { userId: 'u1', priority: 1 },
        { userId: 'u2', priority: 0 },
      ],
      events: [on('2026-03-09', 'u1')],
      picked: 'u2',
    },
    {
      name: 'equal distribution: last month does not count; ties in team order',
      eventType: EQUAL,
      team: [
        { userId: 'u1', priority: 0 },
        { userId: 'u2', priority: 1 },
      ],
      events: [on('2026-02-27', 'u1')],
      picked: 'u1',
    },
  ])('$name', ({ eventType = AVAILABILITY, team, free, events = [], picked }) => {
    const calendar = testCalendar({ calendarType: 'round_robin', eventType, teamMembers: team });
    expect(
      pickRoundRobinMember({
        calendar,
        calendarTimezone: NEW_YORK,
        free: free ?? team.map((member) => member.userId!),
        startTime: TEN,
        events,
        excludeEventId: 'evt_moving',
      }),
    ).toBe(picked);
  });
});
