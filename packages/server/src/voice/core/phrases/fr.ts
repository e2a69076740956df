/** French answers, in the vous form, as a receptionist in France would say them. */
import { intlList } from './lists.js';
import type { Phrasebook, SpokenClock } from './phrasebook.js';

const list = intlList('fr');

const at = ({ time, zone }: SpokenClock) => `à ${time}${zone ? ` (${zone})` : ''}`;

export const fr: Phrasebook = {
  list,
  /** "le mardi 1er décembre": the first of the month is an ordinal in French. */
  dayOfMonth: (day) => (day === 1 ? '1er' : String(day)),
  onDay: (day) => (day.relative ? day.name : `le ${day.name}`),
  atTimes: (clocks) => list(clocks.map(at), 'or'),

  slotsOffered: (slots, provider) =>
    `${provider ? `${provider} est disponible` : 'Je peux vous proposer'} ${slots.on}. Quel créneau vous convient le mieux ?`,
  noSlots(asked, nearest, provider) {
    const when = asked?.on ?? 'sur cette période';
    const nothing = provider
      ? `${provider} n'a rien de libre ${when}`
      : `Je n'ai rien de libre ${when}`;
    if (!nearest.length) return `${nothing}, ni les jours autour.`;
    const which =
      nearest.length === 1
        ? `Le jour le plus proche avec des disponibilités est ${nearest[0]!.on}. Voulez-vous que je regarde ce jour-là ?`
        : `Les jours les plus proches avec des disponibilités sont ${list(
            nearest.map((day) => day.on),
            'and',
          )}. Voulez-vous que je regarde l'un d'eux ?`;
    return `${nothing}. ${which}`;
  },
  booked: (when, provider) =>
    `Votre rendez-vous ${provider ? `avec ${provider} ` : ''}est confirmé pour ${when.on}.`,
  slotTaken: (alternatives, provider) => {
    if (!alternatives) {
      const none = provider ? `${provider} n'a` : "je n'ai";
      return `Ce créneau vient d'être pris, et ${none} pas d'autre disponibilité proche. Voulez-vous que je regarde d'autres jours ?`;
    }
    const offer = provider ? `${provider} est aussi disponible` : 'Je peux vous proposer';
    return `Ce créneau vient d'être pris. ${offer} ${alternatives.on}.`;
  },
  stillNeed: (details) => `Il me faut encore ${list(details, 'and')}.`,
  missing: {
    name: 'votre nom',
    'phone or email': 'votre numéro de téléphone ou votre adresse e-mail',
    'slotId or startTime': "l'horaire du rendez-vous",
    'appointmentId, phone or email':
      "le numéro de téléphone ou l'adresse e-mail utilisés pour la réservation",
  },
  fieldProblem: (field, expected) => `Pour ${field}, il me faut ${expected}.`,
  rescheduled: (when, provider) =>
    `Votre rendez-vous ${provider ? `avec ${provider} ` : ''}est désormais prévu ${when.on}.`,
  cancelled: (when) => `Votre rendez-vous prévu ${when.on} est annulé.`,
  notFound: {
    that_appointment: 'Je ne trouve pas ce rendez-vous.',
    callers_upcoming_appointment: 'Je ne trouve aucun rendez-vous à venir à votre nom.',
    callers_upcoming_appointments: 'Je ne trouve aucun rendez-vous à venir à votre nom.',
  },
  couldNotFind: (what) => `Je ne trouve pas ${what}.`,
  appointmentsFound: (labels) =>
    labels.length === 1
      ? `Vous avez un rendez-vous à venir : ${labels[0]}.`
      : `Vous avez ${labels.length} rendez-vous à venir : ${list(labels, 'and')}.`,
  failures: {
    unconfirmed:
      "Je n'ai pas pu vérifier si la réservation a bien été enregistrée. Merci de ne pas réserver à nouveau ; l'équipe vous la confirmera très bientôt.",
    not_booked:
      "Un problème est survenu de notre côté et le rendez-vous n'a pas été réservé. Voulez-vous que je réessaie ?",
    unknown_tool: "Cette action n'est pas disponible ici.",
    unreadable_arguments:
      "La demande n'a pas pu être lue ; merci d'envoyer à nouveau les informations.",
    unavailable:
      "Je n'arrive pas à accéder à l'agenda pour le moment. Merci de réessayer dans un instant.",
    not_run:
      "Cela n'a pas été fait : trop d'actions ont été demandées en même temps. Merci de redemander.",
  },
  handedOff: {
    transfer: "Je vous mets en relation avec un membre de l'équipe.",
    callBack: "Je vais demander à un membre de l'équipe de vous rappeler très rapidement.",
  },
};
