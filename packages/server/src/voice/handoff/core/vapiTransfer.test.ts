import { describe, expect, it } from 'vitest';
import { NO_DESTINATION, vapiTransferAnswer } from './vapiTransfer.js';

const message = 'Let me put you through to someone from the team.';

describe('vapiTransferAnswer', () => {
  it('sends the call to the number, with its extension, saying the message first', () => {
    expect(
      vapiTransferAnswer({ type: 'number', number: '+14155550100', extension: '204' }, message),
    ).toEqual({
      destination: { type: 'number', number: '+14155550100', extension: '204', message },
    });
    expect(vapiTransferAnswer({ type: 'number', number: '+14155550100' }, message)).toEqual({
      destination: { type: 'number', number: '+14155550100', message },
    });
  });

  it('sends the call to a SIP URI', () => {
    expect(
      vapiTransferAnswer({ type: 'sip', sipUri: 'sip:desk@pbx.example.com' }, message),
    ).toEqual({ destination: { type: 'sip', sipUri: 'sip:desk@pbx.example.com', message } });
  });

  it('refuses the transfer when the workspace has no destination', () => {
    expect(vapiTransferAnswer(null, message)).toEqual({ error: NO_DESTINATION });
  });
});
