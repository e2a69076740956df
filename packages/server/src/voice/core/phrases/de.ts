/** German answers, in the Sie form, as a receptionist in Germany would say them. */
import { intlList } from './lists.js';
import type { Phrasebook, SpokenClock } from './phrasebook.js';

const list = intlList('de');

/** "um 9 Uhr", "um 14:30 Uhr": Intl writes "Uhr" only on the full hour; it is said either way. */
const at = ({ time, zone }: SpokenClock) =>
  `um ${time}${/Uhr/.test(time) ? '' : ' Uhr'}${zone ? ` (${zone})` : ''}`;

export const de: Phrasebook = {
  list,
  dayOfMonth: (day) => String(day),
  onDay: (day) => (day.relative ? day.name : `am ${day.name}`),
  atTimes: (clocks) => list(clocks.map(at), 'or'),

  slotsOffered: (slots, provider) =>
    `${provider ? `${provider} hat ${slots.on} Zeit` : `Ich kann Ihnen ${slots.on} anbieten`}. Was passt Ihnen am besten?`,
  noSlots(asked, nearest, provider) {
    const when = asked?.on ?? 'in diesem Zeitraum';
    const nothing = `${provider ? `${provider} hat` : 'Ich habe'} ${when} nichts frei`;
    if (!nearest.length) return `${nothing}, und an den Tagen davor und danach auch nicht.`;
    const which =
      nearest.length === 1
        ? `Der nächste Tag mit freien Terminen ist ${nearest[0]!.label}. Soll ich mir den Tag ansehen?`
        : `Die nächsten Tage mit freien Terminen sind ${list(
            nearest.map((day) => day.label),
            'and',
          )}. Soll ich mir einen davon ansehen?`;
    return `${nothing}. ${which}`;
  },
  booked: (when, provider) =>
    `Ihr Termin ${provider ? `bei ${provider} ` : ''}${when.on} ist gebucht.`,
  slotTaken: (alternatives, provider) => {
    if (!alternatives) {
      const none = provider ? `bei ${provider} ist` : 'es ist';
      return `Dieser Termin wurde gerade vergeben, und ${none} um diese Zeit herum sonst nichts frei. Soll ich an anderen Tagen nachsehen?`;
    }
    const offer = provider
      ? `${provider} hat auch ${alternatives.on} Zeit`
      : `Ich kann Ihnen ${alternatives.on} anbieten`;
    return `Dieser Termin wurde gerade vergeben. ${offer}.`;
  },
  stillNeed: (details) => `Ich brauche noch ${list(details, 'and')}.`,
  missing: {
    name: 'Ihren Namen',
    'phone or email': 'Ihre Telefonnummer oder E-Mail-Adresse',
    'slotId or startTime': 'die gewünschte Uhrzeit',
    'appointmentId, phone or email':
      'die Telefonnummer oder E-Mail-Adresse, mit der Sie gebucht haben',
  },
  fieldProblem: (field, expected) => `Für ${field} brauche ich ${expected}.`,
  rescheduled: (when, provider) =>
    `Ich habe Ihren Termin ${provider ? `bei ${provider} ` : ''}verschoben: Er ist jetzt ${when.on}.`,
  cancelled: (when) => `Ihr Termin ${when.on} ist abgesagt.`,
  notFound: {
    that_appointment: 'Ich finde diesen Termin nicht.',
    callers_upcoming_appointment: 'Ich finde keinen anstehenden Termin für Sie.',
    callers_upcoming_appointments: 'Ich finde keine anstehenden Termine für Sie.',
  },
  couldNotFind: (what) => `Ich finde ${what} nicht.`,
  appointmentsFound: (labels) =>
    labels.length === 1
      ? `Sie haben einen anstehenden Termin: ${labels[0]}.`
      : `Sie haben ${labels.length} anstehende Termine: ${list(labels, 'and')}.`,
  failures: {
    unconfirmed:
      'Ich konnte nicht bestätigen, ob die Buchung durchgegangen ist. Bitte buchen Sie nicht noch einmal; das Team meldet sich in Kürze bei Ihnen, um sie zu bestätigen.',
    not_booked:
      'Bei uns ist etwas schiefgelaufen, und der Termin wurde nicht gebucht. Soll ich es noch einmal versuchen?',
    unknown_tool: 'Diese Aktion ist hier nicht verfügbar.',
    unreadable_arguments:
      'Die Anfrage konnte nicht gelesen werden; bitte senden Sie die Angaben noch einmal.',
    unavailable:
      'Der Kalender ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
    not_run:
      'Das wurde nicht ausgeführt: Es wurden zu viele Aktionen auf einmal angefragt. Bitte fragen Sie noch einmal.',
  },
  handedOff: {
    transfer: 'Ich verbinde Sie mit jemandem aus dem Team.',
    callBack: 'Ich bitte jemanden aus dem Team, Sie in Kürze zurückzurufen.',
  },
};
