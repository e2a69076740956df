import { describe, expect, it } from 'vitest';
import { readVapiMessage, type VapiMessage } from './vapiMessage.js';

const bookArgs = { slotId: 'abc.def', name: 'Ada Lovelace' };
const call = { id: 'call_1', customer: { number: '+14155550100' } };

describe('readVapiMessage: the shapes Vapi sends', () => {
  it.each<[string, Record<string, unknown>]>([
    [
      'toolCallList with arguments as a JSON string (the API schema)',
      {
        toolCallList: [
          {
            id: 'tc_1',
            type: 'function',
            function: { name: 'book_appointment', arguments: JSON.stringify(bookArgs) },
          },
        ],
      },
    ],
    [
      'toolCallList with arguments as an object (the docs examples)',
      {
        toolCallList: [
          {
            id: 'tc_1',
            type: 'function',
            function: { name: 'book_appointment', arguments: bookArgs },
          },
        ],
      },
    ],
    [
      'the flat { id, name, parameters } form',
      { toolCallList: [{ id: 'tc_1', name: 'book_appointment', parameters: bookArgs }] },
    ],
    [
      'toolWithToolCallList only, ignoring the JSON schema in the wrapper',
      {
        toolWithToolCallList: [
          {
            type: 'function',
            function: { name: 'book_appointment', parameters: { type: 'object', properties: {} } },
            toolCall: { id: 'tc_1', type: 'function', function: { arguments: bookArgs } },
          },
        ],
      },
    ],
    [
      'both lists carrying the same call',
      {
        toolCallList: [
          {
            id: 'tc_1',
            function: { name: 'book_appointment', arguments: JSON.stringify(bookArgs) },
          },
        ],
        toolWithToolCallList: [
          {
            function: { name: 'book_appointment' },
            toolCall: { id: 'tc_1', function: { name: 'book_appointment', arguments: bookArgs } },
          },
        ],
      },
    ],
  ])('%s', (_name, lists) => {
    expect(readVapiMessage({ message: { type: 'tool-calls', call, ...lists } })).toEqual({
      kind: 'tool-calls',
      callId: 'call_1',
      callerNumber: '+14155550100',
      toolCalls: [{ kind: 'call', id: 'tc_1', name: 'book_appointment', arguments: bookArgs }],
    });
  });

  it('keeps several calls in order', () => {
    const message = readVapiMessage({
      message: {
        type: 'tool-calls',
        toolCallList: [
          { id: 'b', function: { name: 'check_availability', arguments: '{"date":"2026-12-01"}' } },
          { id: 'a', function: { name: 'find_appointments', arguments: '' } },
        ],
      },
    });
    expect(message).toEqual({
      kind: 'tool-calls',
      toolCalls: [
        { kind: 'call', id: 'b', name: 'check_availability', arguments: { date: '2026-12-01' } },
        { kind: 'call', id: 'a', name: 'find_appointments', arguments: {} },
      ],
    });
  });
});

describe('readVapiMessage: the caller and the call', () => {
  const withCall = (extra: Record<string, unknown>) =>
    readVapiMessage({
      message: {
        type: 'tool-calls',
        toolCallList: [{ id: 't', name: 'find_appointments' }],
        ...extra,
      },
    });

  it.each<[string, Record<string, unknown>, { callId?: string; callerNumber?: string }]>([
    [
      'number on the call',
      { call: { id: 'c1', customer: { number: '+14155550100' } } },
      { callId: 'c1', callerNumber: '+14155550100' },
    ],
    [
      'number on the message',
      { call: { id: 'c1' }, customer: { number: ' +442079460018 ' } },
      { callId: 'c1', callerNumber: '+442079460018' },
    ],
    [
      'the call wins over the message',
      { call: { customer: { number: '+1' } }, customer: { number: '+2' } },
      { callerNumber: '+1' },
    ],
    [
      'an empty number on the call falls back to the message',
      { call: { id: 'c1', customer: { number: '' } }, customer: { number: '+14155550100' } },
      { callId: 'c1', callerNumber: '+14155550100' },
    ],
    ['no number (web call)', { call: { id: 'c1', type: 'webCall' } }, { callId: 'c1' }],
    [
      'a customer of an unexpected shape is ignored',
      { call: { id: 'c1', customer: 'anonymous' } },
      { callId: 'c1' },
    ],
  ])('%s', (_name, extra, expected) => {
    const message = withCall(extra);
    expect(message.kind).toBe('tool-calls');
    const {
      toolCalls: _calls,
      kind: _kind,
      ...rest
    } = message as Extract<VapiMessage, { kind: 'tool-calls' }>;
    expect(rest).toEqual(expected);
  });
});

describe('readVapiMessage: anything else', () => {
  it.each([
    'status-update',
    'end-of-call-report',
    'assistant-request',
    'conversation-update',
    'hang',
  ])('%s is acknowledged only', (type) => {
    expect(readVapiMessage({ message: { type, call } })).toEqual({ kind: 'acknowledge', type });
  });

  it.each<[string, unknown, string]>([
    [
      'not JSON object',
      'hello',
      'expected a Vapi server message: {"message":{"type":"tool-calls",…}}',
    ],
    [
      'no message wrapper',
      { type: 'tool-calls' },
      'expected a Vapi server message: {"message":{"type":"tool-calls",…}}',
    ],
    [
      'no type',
      { message: {} },
      'expected a Vapi server message: {"message":{"type":"tool-calls",…}}',
    ],
    [
      'no tool calls',
      { message: { type: 'tool-calls', toolCallList: [] } },
      'the tool-calls message lists no tool calls',
    ],
    [
      'a call without id',
      { message: { type: 'tool-calls', toolCallList: [{ name: 'x' }] } },
      'toolCallList[0] has no id',
    ],
    [
      'a call that is not an object',
      { message: { type: 'tool-calls', toolCallList: ['x'] } },
      'toolCallList[0] is not a tool call object',
    ],
    [
      'a wrapper without its tool call',
      { message: { type: 'tool-calls', toolWithToolCallList: [{ function: { name: 'x' } }] } },
      'toolWithToolCallList[0].toolCall is not a tool call object',
    ],
    [
      'the legacy function-call',
      { message: { type: 'function-call', functionCall: { name: 'x', parameters: {} } } },
      'function-call messages (the legacy functions API) are not supported: define the tools as tools, which send tool-calls',
    ],
  ])('%s is a clear error', (_name, body, error) => {
    expect(readVapiMessage(body)).toEqual({ kind: 'invalid', error });
  });

  it.each<[string, unknown, string]>([
    ['broken JSON', '{"date":', 'the arguments are not valid JSON'],
    ['a JSON array', '[1,2]', 'expected the arguments as a JSON object'],
    ['a number', 42, 'expected the arguments as a JSON object'],
  ])('arguments as %s still answer that call by id', (_name, args, problem) => {
    const message = readVapiMessage({
      message: {
        type: 'tool-calls',
        toolCallList: [
          { id: 'bad', function: { name: 'book_appointment', arguments: args } },
          { id: 'good', function: { name: 'find_appointments', arguments: {} } },
        ],
      },
    });
    expect(message).toEqual({
      kind: 'tool-calls',
      toolCalls: [
        { kind: 'unreadable', id: 'bad', name: 'book_appointment', problem },
        { kind: 'call', id: 'good', name: 'find_appointments', arguments: {} },
      ],
    });
  });

  it('a call naming no tool is answered by id', () => {
    const message = readVapiMessage({
      message: { type: 'tool-calls', toolCallList: [{ id: 'x', arguments: {} }] },
    });
    expect(message).toEqual({
      kind: 'tool-calls',
      toolCalls: [
        { kind: 'unreadable', id: 'x', name: '', problem: 'the tool call names no tool' },
      ],
    });
  });
});

describe('readVapiMessage: text the database cannot store', () => {
  const message = (toolCall: Record<string, unknown>) => ({
    message: { type: 'tool-calls', call, toolCallList: [toolCall] },
  });
  it.each([
    ['a NUL in an object argument', { name: 'Ada\u0000' }, 'name contains a NUL character'],
    ['a lone surrogate in a nested argument', { who: ['\ud800'] }, 'who.0 contains an unpaired'],
    ['a NUL in a JSON-string argument', JSON.stringify({ name: 'A\u0000' }), 'name contains a NUL'],
  ])('makes the call unreadable for %s', (_, args, problem) => {
    const read = readVapiMessage(
      message({ id: 'tc_1', function: { name: 'book_appointment', arguments: args } }),
    );
    const toolCall = read.kind === 'tool-calls' ? read.toolCalls[0] : undefined;
    expect(toolCall).toMatchObject({ kind: 'unreadable', id: 'tc_1' });
    expect(toolCall?.kind === 'unreadable' && toolCall.problem).toContain(problem);
  });

  it('refuses the message when an id, a tool name or the call id carries it', () => {
    for (const body of [
      message({ id: 'tc\u0000', function: { name: 'book_appointment' } }),
      message({ id: 'tc_1', function: { name: 'book\ud800' } }),
      {
        message: {
          type: 'tool-calls',
          call: { id: 'c\u0000' },
          toolCallList: [{ id: 'tc_1', name: 'x' }],
        },
      },
    ]) {
      expect(readVapiMessage(body)).toMatchObject({ kind: 'invalid' });
    }
  });
});

describe('readVapiMessage: transfer-destination-request', () => {
  it('asks where to transfer the call, with its id and the caller’s number', () => {
    expect(readVapiMessage({ message: { type: 'transfer-destination-request', call } })).toEqual({
      kind: 'transfer-destination-request',
      callId: 'call_1',
      callerNumber: '+14155550100',
    });
  });

  it('reads the number at message.customer, and a request without a call', () => {
    expect(
      readVapiMessage({
        message: { type: 'transfer-destination-request', customer: { number: ' +14155550100 ' } },
      }),
    ).toEqual({ kind: 'transfer-destination-request', callerNumber: '+14155550100' });
    expect(readVapiMessage({ message: { type: 'transfer-destination-request' } })).toEqual({
      kind: 'transfer-destination-request',
    });
  });

  it('refuses a call id the database cannot store', () => {
    expect(
      readVapiMessage({
        message: { type: 'transfer-destination-request', call: { id: 'c\u0000' } },
      }),
    ).toMatchObject({ kind: 'invalid', error: expect.stringContaining('callId') as unknown });
  });
});
