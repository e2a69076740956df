/** English answers, as a receptionist in the US would say them on the phone. */
import type { Phrasebook, SpokenClock } from './phrasebook.js';

/**
 * "a, b or c": no comma before the last item, as the answers have always been said (the pause is
 * the same on the phone). Intl's en-US list would add one.
 */
function list(items: readonly string[], conjunction: 'or' | 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

const clock = ({ time, zone }: SpokenClock) => (zone ? `${time} ${zone}` : time);

export const en: Phrasebook = {
  list,
  dayOfMonth: (day) => String(day),
  onDay: (day) => (day.relative ? day.name : `on ${day.name}`),
  atTimes: (clocks) => `at ${list(clocks.map(clock), 'or')}`,

  slotsOffered: (slots, provider) =>
    `${provider ? `${provider} has` : 'I have'} ${slots.label}. Which works best?`,
  noSlots(asked, nearest, provider) {
    const nothing = `${provider ? `${provider} has` : 'I have'} nothing free ${asked?.on ?? 'then'}`;
    if (!nearest.length) return `${nothing}, and no openings on the days around it either.`;
    const which =
      nearest.length === 1
        ? `The nearest day with openings is ${nearest[0]!.label}. Shall I check it?`
        : `The nearest days with openings are ${list(
            nearest.map((day) => day.label),
            'and',
          )}. Shall I check one of those?`;
    return `${nothing}. ${which}`;
  },
  booked: (when, provider) =>
    `You're booked ${provider ? `with ${provider} ` : ''}for ${when.label}.`,
  slotTaken: (alternatives, provider) => {
    if (!alternatives) {
      const none = provider
        ? `${provider} has no other openings close to it`
        : 'I have no other openings close to it';
      return `That time was just taken, and ${none}. Would you like me to look at other days?`;
    }
    const offer = provider ? `${provider} also has` : 'I can offer';
    return `That time was just taken. ${offer} ${alternatives.label}.`;
  },
  stillNeed: (details) => `I still need the ${list(details, 'and')}.`,
  missing: {
    name: 'name',
    'phone or email': 'phone or email',
    'slotId or startTime': 'slotId or startTime',
    'appointmentId, phone or email': 'appointmentId, phone or email',
  },
  fieldProblem: (field, expected) => `For ${field} I need ${expected}.`,
  rescheduled: (when, provider) =>
    `Your appointment ${provider ? `with ${provider} ` : ''}is moved to ${when.label}.`,
  cancelled: (when) => `Your appointment ${when.on} is cancelled.`,
  notFound: {
    that_appointment: "I couldn't find that appointment.",
    callers_upcoming_appointment: "I couldn't find an upcoming appointment for you.",
    callers_upcoming_appointments: "I couldn't find any upcoming appointments for you.",
  },
  couldNotFind: (what) => `I couldn't find ${what}.`,
  appointmentsFound: (labels) => {
    const count =
      labels.length === 1 ? 'one upcoming appointment' : `${labels.length} upcoming appointments`;
    return `You have ${count}: ${list(labels, 'and')}.`;
  },
  failures: {
    unconfirmed:
      "I couldn't confirm whether the booking went through. Please don't book again; the team will confirm it with you shortly.",
    not_booked:
      'Something went wrong on our side and the appointment was not booked. Shall I try again?',
    unknown_tool: 'That action is not available here.',
    unreadable_arguments: 'The request could not be read; please send the details again.',
    unavailable: 'The calendar is not reachable right now. Please try again in a moment.',
    not_run: 'That was not done: too many actions were asked at once. Please ask again.',
  },
  handedOff: {
    transfer: 'Let me put you through to someone from the team.',
    callBack: 'I will ask someone from the team to call you back shortly.',
  },
};
