/**
 * The app's phone for a contact, read as booking sync reads a customer's (`customerPhone.ts`):
 * a number without +country in the workspace's `defaultCountry`, else its Location's. A phone
 * that cannot be read never costs the write when the contact can be found by its email: it is
 * left out and reported. Without an email either, the contact could be neither found nor created
 * in HighLevel, and the version is refused.
 */
import {
  howToWrite,
  readPhone,
  whyUnreadable,
  type PhoneCountry,
  type Unreadable,
} from '../../bookingSync/core/customerPhone.js';

/** What of a version could not be taken, kept and shown with it. */
export interface RecordProblem {
  field: 'phone';
  code: 'unreadable_phone';
  message: string;
  /** What the app sent, cut to 100 characters. */
  value: string;
}

export type ContactPhone =
  { phone: string | undefined } | { problem: RecordProblem; reading: Unreadable };

/**
 * The typed phone as E.164 (undefined when none was sent), or the problem with it.
 *
 * @example readContactPhone('(415) 555-0132', { country: 'US', source: 'workspace' }) // { phone: '+14155550132' }
 */
export function readContactPhone(
  typed: string | undefined,
  country: PhoneCountry | undefined,
): ContactPhone {
  if (typed === undefined) return { phone: undefined };
  const reading = readPhone(typed, country);
  if (reading.ok) return { phone: reading.phone };
  return {
    reading,
    problem: {
      field: 'phone',
      code: 'unreadable_phone',
      message: `${whyUnreadable(reading)} The contact was written without it. To add the phone, send a new version with the number ${howToWrite(reading.country)}.`,
      value: reading.value,
    },
  };
}

/**
 * Why a contact HighLevel does not know yet is refused with this phone and no email.
 *
 * @example throw validationFailed([{ path: ['phone'], message: unreadablePhoneRefusal(reading) }]);
 */
export function unreadablePhoneRefusal(reading: Unreadable): string {
  return `${whyUnreadable(reading)} Send the number ${howToWrite(reading.country)}; or send the contact's email.`;
}
