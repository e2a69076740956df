/** Spanish answers, in the usted form, in words understood from Madrid to Mexico City. */
import { intlList } from './lists.js';
import type { Phrasebook, SpokenClock } from './phrasebook.js';

const list = intlList('es');

/** "a la 1", "a la 1:30 p. m.", but "a las 9", "a las 13:00": one o'clock is singular. */
const at = ({ time, zone }: SpokenClock) =>
  `${/^1(?!\d)/.test(time) ? 'a la' : 'a las'} ${time}${zone ? ` (${zone})` : ''}`;

export const es: Phrasebook = {
  list,
  dayOfMonth: (day) => String(day),
  onDay: (day) => (day.relative ? day.name : `el ${day.name}`),
  atTimes: (clocks) => list(clocks.map(at), 'or'),

  slotsOffered: (slots, provider) =>
    `${provider ? `${provider} tiene` : 'Tengo'} disponibilidad ${slots.on}. ¿Cuál prefiere?`,
  noSlots(asked, nearest, provider) {
    const when = asked?.on ?? 'en esas fechas';
    const nothing = provider
      ? `${provider} no tiene nada libre ${when}`
      : `No tengo nada libre ${when}`;
    if (!nearest.length) return `${nothing}, ni tampoco en los días cercanos.`;
    const which =
      nearest.length === 1
        ? `El día más cercano con disponibilidad es ${nearest[0]!.on}. ¿Quiere que lo consulte?`
        : `Los días más cercanos con disponibilidad son ${list(
            nearest.map((day) => day.on),
            'and',
          )}. ¿Quiere que consulte alguno de ellos?`;
    return `${nothing}. ${which}`;
  },
  booked: (when, provider) =>
    `Su cita ${provider ? `con ${provider} ` : ''}queda reservada para ${when.on}.`,
  slotTaken: (alternatives, provider) => {
    if (!alternatives) {
      const none = provider ? `${provider} no tiene` : 'no tengo';
      return `Esa hora se acaba de ocupar y ${none} otra disponibilidad cercana. ¿Quiere que busque otros días?`;
    }
    const offer = provider ? `${provider} también tiene disponibilidad` : 'Le puedo ofrecer';
    return `Esa hora se acaba de ocupar. ${offer} ${alternatives.on}.`;
  },
  stillNeed: (details) => `Todavía necesito ${list(details, 'and')}.`,
  missing: {
    name: 'su nombre',
    'phone or email': 'su teléfono o su correo electrónico',
    'slotId or startTime': 'la hora de la cita',
    'appointmentId, phone or email': 'el teléfono o el correo electrónico con el que reservó',
  },
  fieldProblem: (field, expected) => `Para ${field} necesito ${expected}.`,
  rescheduled: (when, provider) =>
    `He cambiado su cita ${provider ? `con ${provider} ` : ''}para ${when.on}.`,
  cancelled: (when) => `Su cita para ${when.on} queda cancelada.`,
  notFound: {
    that_appointment: 'No encuentro esa cita.',
    callers_upcoming_appointment: 'No encuentro ninguna cita próxima a su nombre.',
    callers_upcoming_appointments: 'No encuentro ninguna cita próxima a su nombre.',
  },
  couldNotFind: (what) => `No encuentro ${what}.`,
  appointmentsFound: (labels) =>
    labels.length === 1
      ? `Tiene una cita próxima: ${labels[0]}.`
      : `Tiene ${labels.length} citas próximas: ${list(labels, 'and')}.`,
  failures: {
    unconfirmed:
      'No he podido confirmar si la reserva se realizó. Por favor, no vuelva a reservar; el equipo se la confirmará en breve.',
    not_booked:
      'Ha habido un problema por nuestra parte y la cita no se ha reservado. ¿Quiere que lo intente de nuevo?',
    unknown_tool: 'Esa acción no está disponible aquí.',
    unreadable_arguments: 'No se ha podido leer la solicitud; por favor, envíe los datos de nuevo.',
    unavailable:
      'En este momento no puedo acceder a la agenda. Por favor, inténtelo de nuevo en un momento.',
    not_run:
      'No se ha hecho: se pidieron demasiadas acciones a la vez. Por favor, pídalo de nuevo.',
  },
  handedOff: {
    transfer: 'Voy a transferir su llamada a alguien del equipo.',
    callBack: 'Le pediré a alguien del equipo que le devuelva la llamada en breve.',
  },
};
