import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  appointmentIdFromHighLevel,
  type AppointmentId,
  type BookedAppointment,
  type ToolOutcome,
} from './outcomes.js';
import type { OfferedSlot } from './results.js';
import {
  nextBookingStep,
  startBooking,
  storedOutcomeFromJson,
  voiceBookingNote,
  voiceNoteMarker,
  type BookingEvent,
  type BookingRequest,
  type BookingStep,
  type StoredOutcome,
} from './saga.js';

const SLOT = '2026-12-01T14:30:00-05:00';
const request: BookingRequest = {
  idempotencyKey: 'voice:book:k1',
  calendarId: 'cal_1',
  slot: SLOT,
  timezone: 'America/New_York',
  tags: ['source:voice'],
};
const apt = (id: string) => appointmentIdFromHighLevel({ id }) as AppointmentId;
const alternatives: OfferedSlot[] = [
  { id: 's2', start: '2026-12-01T15:00:00-05:00', label: 'Tuesday, December 1 at 3 PM' },
];
const bookedResult: BookedAppointment = {
  status: 'booked',
  appointmentId: apt('apt_1'),
  contactId: 'c_1',
  start: SLOT,
  timezone: request.timezone,
};

/** Feeds the events in order and returns every step the saga asked for. */
function run(events: BookingEvent[], req: BookingRequest = request): BookingStep[] {
  let { state, step } = startBooking(req);
  const steps = [step];
  for (const event of events) {
    ({ state, step } = nextBookingStep(req, state, event));
    steps.push(step);
  }
  return steps;
}
const kinds = (steps: BookingStep[]) => steps.map((step) => step.do);
const last = (steps: BookingStep[]) => steps.at(-1) as Extract<BookingStep, { do: 'answer' }>;

const E = {
  miss: { type: 'no_stored_outcome' } satisfies BookingEvent,
  locked: { type: 'lock_acquired' } satisfies BookingEvent,
  free: { type: 'slot_free' } satisfies BookingEvent,
  contact: { type: 'contact_resolved', contactId: 'c_1' } satisfies BookingEvent,
  unknown: { type: 'appointment_outcome_unknown' } satisfies BookingEvent,
  notFound: { type: 'appointment_not_found' } satisfies BookingEvent,
  failed: { type: 'step_failed' } satisfies BookingEvent,
  created: (id = 'apt_1'): BookingEvent => ({
    type: 'appointment_created',
    appointmentId: apt(id),
  }),
  found: (id = 'apt_1'): BookingEvent => ({ type: 'appointment_found', appointmentId: apt(id) }),
  stored: (outcome: StoredOutcome): BookingEvent => ({ type: 'stored_outcome_found', outcome }),
};

const HAPPY_PREFIX: BookingEvent[] = [E.miss, E.locked, E.miss, E.free, E.contact];

describe('booking saga', () => {
  it('books in the designed order and only then adds the note and tags', () => {
    const steps = run([...HAPPY_PREFIX, E.created()]);
    expect(steps).toEqual([
      { do: 'find_stored_outcome', key: 'voice:book:k1' },
      { do: 'acquire_lock', calendarId: 'cal_1', start: '2026-12-01T19:30:00.000Z' },
      { do: 'find_stored_outcome', key: 'voice:book:k1' },
      { do: 'check_slot_free', calendarId: 'cal_1', slot: SLOT },
      { do: 'resolve_contact' },
      {
        do: 'create_appointment',
        calendarId: 'cal_1',
        slot: SLOT,
        contactId: 'c_1',
        recordFirst: { kind: 'unconfirmed', contactId: 'c_1', tags: [] },
      },
      {
        do: 'answer',
        result: bookedResult,
        remember: { kind: 'answered', result: bookedResult },
        releaseLock: true,
        background: [
          { do: 'add_note', contactId: 'c_1', appointmentId: 'apt_1' },
          { do: 'add_tags', contactId: 'c_1', tags: ['source:voice'] },
        ],
      },
    ]);
  });

  it('a flagged new contact also gets its review tag', () => {
    const steps = run([
      E.miss,
      E.locked,
      E.miss,
      E.free,
      { type: 'contact_resolved', contactId: 'c_9', tags: ['voice:review-contact'] },
      E.created(),
    ]);
    expect(last(steps).background).toContainEqual({
      do: 'add_tags',
      contactId: 'c_9',
      tags: ['source:voice', 'voice:review-contact'],
    });
  });

  it.each<
    [
      string,
      BookingEvent[],
      string[],
      {
        result: Partial<ToolOutcome>;
        remember: unknown;
        releaseLock: boolean;
        background?: unknown[];
      },
    ]
  >([
    [
      're-issued after booking: the stored answer, without the lock',
      [E.stored({ kind: 'answered', result: bookedResult })],
      ['find_stored_outcome', 'answer'],
      { result: bookedResult, remember: 'keep', releaseLock: false, background: [] },
    ],
    [
      're-issued while the first was booking: waits for the lock, then the stored answer',
      [E.miss, E.locked, E.stored({ kind: 'answered', result: bookedResult })],
      ['find_stored_outcome', 'acquire_lock', 'find_stored_outcome', 'answer'],
      { result: bookedResult, remember: 'keep', releaseLock: true, background: [] },
    ],
    [
      'taken at the final check: alternatives, nothing stored',
      [E.miss, E.locked, E.miss, { type: 'slot_taken', alternatives }],
      ['find_stored_outcome', 'acquire_lock', 'find_stored_outcome', 'check_slot_free', 'answer'],
      { result: { status: 'slot_unavailable', alternatives }, remember: 'keep', releaseLock: true },
    ],
    [
      'another caller holds the lock too long: alternatives',
      [E.miss, { type: 'lock_timed_out', alternatives }],
      ['find_stored_outcome', 'acquire_lock', 'answer'],
      {
        result: { status: 'slot_unavailable', alternatives },
        remember: 'keep',
        releaseLock: false,
      },
    ],
    [
      'HighLevel says the slot is gone: alternatives, the unconfirmed record cleared',
      [...HAPPY_PREFIX, { type: 'appointment_slot_taken', alternatives }],
      [
        'find_stored_outcome',
        'acquire_lock',
        'find_stored_outcome',
        'check_slot_free',
        'resolve_contact',
        'create_appointment',
        'answer',
      ],
      {
        result: { status: 'slot_unavailable', alternatives },
        remember: 'forget',
        releaseLock: true,
      },
    ],
    [
      'HighLevel refuses the create: "not booked", record cleared',
      [...HAPPY_PREFIX, { type: 'appointment_failed' }],
      [
        'find_stored_outcome',
        'acquire_lock',
        'find_stored_outcome',
        'check_slot_free',
        'resolve_contact',
        'create_appointment',
        'answer',
      ],
      { result: { status: 'error', code: 'not_booked' }, remember: 'forget', releaseLock: true },
    ],
    [
      'outcome unknown, then found: booked with the id found',
      [...HAPPY_PREFIX, E.unknown, E.found('apt_7')],
      [
        'find_stored_outcome',
        'acquire_lock',
        'find_stored_outcome',
        'check_slot_free',
        'resolve_contact',
        'create_appointment',
        'find_appointment',
        'answer',
      ],
      {
        result: { status: 'booked', appointmentId: apt('apt_7') },
        remember: expect.objectContaining({ kind: 'answered' }),
        releaseLock: true,
      },
    ],
    [
      'outcome unknown, not found: one more create',
      [...HAPPY_PREFIX, E.unknown, E.notFound, E.created('apt_8')],
      [
        'find_stored_outcome',
        'acquire_lock',
        'find_stored_outcome',
        'check_slot_free',
        'resolve_contact',
        'create_appointment',
        'find_appointment',
        'create_appointment',
        'answer',
      ],
      {
        result: { status: 'booked', appointmentId: apt('apt_8') },
        remember: expect.objectContaining({ kind: 'answered' }),
        releaseLock: true,
      },
    ],
    [
      'unknown twice and never found: "not booked"',
      [...HAPPY_PREFIX, E.unknown, E.notFound, E.unknown, E.notFound],
      [
        'find_stored_outcome',
        'acquire_lock',
        'find_stored_outcome',
        'check_slot_free',
        'resolve_contact',
        'create_appointment',
        'find_appointment',
        'create_appointment',
        'find_appointment',
        'answer',
      ],
      { result: { status: 'error', code: 'not_booked' }, remember: 'forget', releaseLock: true },
    ],
    [
      'the lookup itself fails: the truth ("couldn\'t confirm"), reconciled later',
      [...HAPPY_PREFIX, E.unknown, E.failed],
      [
        'find_stored_outcome',
        'acquire_lock',
        'find_stored_outcome',
        'check_slot_free',
        'resolve_contact',
        'create_appointment',
        'find_appointment',
        'answer',
      ],
      {
        result: { status: 'error', code: 'unconfirmed' },
        remember: 'keep',
        releaseLock: true,
        background: [{ do: 'reconcile', contactId: 'c_1', calendarId: 'cal_1', start: SLOT }],
      },
    ],
    [
      'a retried create finds the slot "taken" (maybe by itself): unconfirmed, not unavailable',
      [...HAPPY_PREFIX, E.unknown, E.notFound, { type: 'appointment_slot_taken', alternatives }],
      [
        'find_stored_outcome',
        'acquire_lock',
        'find_stored_outcome',
        'check_slot_free',
        'resolve_contact',
        'create_appointment',
        'find_appointment',
        'create_appointment',
        'answer',
      ],
      { result: { status: 'error', code: 'unconfirmed' }, remember: 'keep', releaseLock: true },
    ],
    [
      're-issued after an unconfirmed create: looks it up first and finds it, no second create',
      [
        E.stored({ kind: 'unconfirmed', contactId: 'c_1', tags: [] }),
        E.locked,
        E.stored({ kind: 'unconfirmed', contactId: 'c_1', tags: [] }),
        E.found(),
      ],
      ['find_stored_outcome', 'acquire_lock', 'find_stored_outcome', 'find_appointment', 'answer'],
      {
        result: bookedResult,
        remember: { kind: 'answered', result: bookedResult },
        releaseLock: true,
      },
    ],
    [
      're-issued after an unconfirmed create that never happened: re-check the slot, same contact',
      [
        E.stored({ kind: 'unconfirmed', contactId: 'c_1', tags: [] }),
        E.locked,
        E.stored({ kind: 'unconfirmed', contactId: 'c_1', tags: [] }),
        E.notFound,
        E.free,
        E.created(),
      ],
      [
        'find_stored_outcome',
        'acquire_lock',
        'find_stored_outcome',
        'find_appointment',
        'check_slot_free',
        'create_appointment',
        'answer',
      ],
      {
        result: bookedResult,
        remember: { kind: 'answered', result: bookedResult },
        releaseLock: true,
      },
    ],
    [
      '... and the slot went meanwhile: alternatives, record cleared',
      [
        E.stored({ kind: 'unconfirmed', contactId: 'c_1', tags: [] }),
        E.locked,
        E.stored({ kind: 'unconfirmed', contactId: 'c_1', tags: [] }),
        E.notFound,
        { type: 'slot_taken', alternatives },
      ],
      [
        'find_stored_outcome',
        'acquire_lock',
        'find_stored_outcome',
        'find_appointment',
        'check_slot_free',
        'answer',
      ],
      { result: { status: 'slot_unavailable' }, remember: 'forget', releaseLock: true },
    ],
    [
      'the store is unreachable: nothing done, nothing said booked',
      [E.failed],
      ['find_stored_outcome', 'answer'],
      { result: { status: 'error', code: 'unavailable' }, remember: 'keep', releaseLock: false },
    ],
    [
      'HighLevel unreachable at the slot check: the lock is released',
      [E.miss, E.locked, E.miss, E.failed],
      ['find_stored_outcome', 'acquire_lock', 'find_stored_outcome', 'check_slot_free', 'answer'],
      { result: { status: 'error', code: 'unavailable' }, remember: 'keep', releaseLock: true },
    ],
  ])('%s', (_name, events, expectedKinds, expected) => {
    const steps = run(events);
    expect(kinds(steps)).toEqual(expectedKinds);
    expect(last(steps)).toMatchObject({ do: 'answer', ...expected });
  });

  it('retries a failed note in the background and keeps the booked answer', () => {
    let transition = startBooking(request);
    for (const event of [...HAPPY_PREFIX, E.created()]) {
      transition = nextBookingStep(request, transition.state, event);
    }
    const note = { do: 'add_note', contactId: 'c_1', appointmentId: apt('apt_1') } as const;
    const after = nextBookingStep(request, transition.state, {
      type: 'background_failed',
      step: note,
    });
    expect(after.step).toEqual({ do: 'retry_in_background', step: note });
    expect(after.state).toEqual({ at: 'answered', result: bookedResult });
  });

  it('a flagged contact keeps its review tag through an unconfirmed create', () => {
    const flaggedCreate = run([
      E.miss,
      E.locked,
      E.miss,
      E.free,
      { type: 'contact_resolved', contactId: 'c_9', tags: ['voice:review-contact'] },
    ]).at(-1);
    const record: StoredOutcome = {
      kind: 'unconfirmed',
      contactId: 'c_9',
      tags: ['voice:review-contact'],
    };
    expect(flaggedCreate).toMatchObject({ do: 'create_appointment', recordFirst: record });
    const replay = run([E.stored(record), E.locked, E.stored(record), E.found()]);
    expect(last(replay).background).toContainEqual({
      do: 'add_tags',
      contactId: 'c_9',
      tags: ['source:voice', 'voice:review-contact'],
    });
  });

  it('every create is preceded by an unconfirmed record for its contact', () => {
    const steps = run([...HAPPY_PREFIX, E.unknown, E.notFound, E.created()]);
    const creates = steps.filter((step) => step.do === 'create_appointment');
    expect(creates).toHaveLength(2);
    for (const create of creates)
      expect(create.recordFirst).toEqual({ kind: 'unconfirmed', contactId: 'c_1', tags: [] });
  });

  it('stops after maxCreateAttempts', () => {
    const once = { ...request, maxCreateAttempts: 1 };
    expect(last(run([...HAPPY_PREFIX, E.unknown, E.notFound], once)).result).toMatchObject({
      status: 'error',
      code: 'not_booked',
    });
  });

  it.each<[string, BookingEvent[]]>([
    ['a slot check result before the lock', [E.miss, E.free]],
    ['a second answer after booking', [...HAPPY_PREFIX, E.created(), E.created()]],
    ['a create result before the contact', [E.miss, E.locked, E.miss, E.created()]],
  ])('throws on an impossible event: %s', (_name, events) => {
    expect(() => run(events)).toThrow(/was not expected while/);
  });

  it('"booked" needs an id from HighLevel, not any string (checked by the compiler)', () => {
    expectTypeOf<string>().not.toExtend<AppointmentId>();
    expectTypeOf<{
      type: 'appointment_created';
      appointmentId: string;
    }>().not.toExtend<BookingEvent>();
    expect(appointmentIdFromHighLevel({})).toBeUndefined();
  });
});

describe('storedOutcomeFromJson', () => {
  it.each<[string, StoredOutcome]>([
    ['a booked answer', { kind: 'answered', result: bookedResult }],
    ['an unconfirmed create', { kind: 'unconfirmed', contactId: 'c_1', tags: [] }],
    [
      'a flagged unconfirmed create',
      { kind: 'unconfirmed', contactId: 'c_1', tags: ['voice:review-contact'] },
    ],
  ])('round-trips %s through JSON', (_name, outcome) => {
    expect(storedOutcomeFromJson(JSON.parse(JSON.stringify(outcome)))).toEqual(outcome);
  });

  it.each<[string, unknown]>([
    [
      'a booked answer without an appointment id',
      { kind: 'answered', result: { ...bookedResult, appointmentId: '' } },
    ],
    [
      'another answer',
      { kind: 'answered', result: { status: 'slot_unavailable', alternatives: [], message: 'x' } },
    ],
    ['an unconfirmed record without a contact', { kind: 'unconfirmed' }],
    ['nothing', null],
    ['a string', 'booked'],
  ])('refuses %s', (_name, value) => {
    expect(storedOutcomeFromJson(value)).toBeUndefined();
  });
});

describe('voiceBookingNote', () => {
  it('says who called, about what, and carries the marker a retry looks for', () => {
    const note = voiceBookingNote({
      idempotencyKey: 'voice:book:k1',
      start: 'Tuesday, December 1 at 2:30 PM',
      name: 'Ada Lovelace',
      callerNumber: '+14155550100',
      callId: 'call_1',
      asked: 'book_appointment {"slotId":"…","name":"Ada Lovelace"}',
    });
    expect(note.split('\n')).toEqual([
      'Booked by the voice assistant for Tuesday, December 1 at 2:30 PM.',
      'Caller: Ada Lovelace, calling from +14155550100',
      'Call: call_1',
      'Asked: book_appointment {"slotId":"…","name":"Ada Lovelace"}',
      '[ghl-bridge voice voice:book:k1]',
    ]);
    expect(note).toContain(voiceNoteMarker('voice:book:k1'));
  });
});
