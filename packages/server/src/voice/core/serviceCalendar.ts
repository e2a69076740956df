/**
 * The calendar for the service a caller asks for: the workspace maps services to calendars
 * (`settings.services`); anything else, or nothing asked, goes to its default calendar. A service
 * named but not offered is a question for the caller, with the services there are.
 */
import { nameWords } from './providerMatch.js';
import type { ServiceCalendar } from './settings.js';

export type ServiceChoice =
  { calendarId: string; service?: string } | { unknown: true; offered: string[] };

const phrase = (text: string) => nameWords(text).join(' ');

/**
 * Where a booking for `asked` goes. The service's name or an alias, said whole, or said inside
 * a longer phrase ("a men's haircut" finds "haircut"); the longest name found wins.
 *
 * @example serviceCalendar('haircut', services, 'cal_default'); // { calendarId: 'cal_cuts', service: 'Haircut' }
 */
export function serviceCalendar(
  asked: string | undefined,
  services: readonly ServiceCalendar[],
  defaultCalendarId: string,
): ServiceChoice {
  if (!asked || services.length === 0) return { calendarId: defaultCalendarId };
  const said = ` ${phrase(asked)} `;
  let best: { service: ServiceCalendar; length: number } | undefined;
  for (const service of services) {
    for (const name of [service.name, ...service.aliases]) {
      const words = phrase(name);
      if (words && said.includes(` ${words} `) && words.length > (best?.length ?? 0))
        best = { service, length: words.length };
    }
  }
  if (best) return { calendarId: best.service.calendarId, service: best.service.name };
  return { unknown: true, offered: services.map((service) => service.name) };
}
