import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assistantJson,
  CREDENTIAL_PLACEHOLDER,
  generateSecret,
  SECRET_PLACEHOLDER,
} from './assistant';

const URL_OF_WS = 'https://bridge.example.com/v1/workspaces/ws_1/voice/vapi';
const docsFile = JSON.parse(
  readFileSync(new URL('../../../../../docs/vapi-assistant.json', import.meta.url), 'utf8'),
) as { model: { tools: { function: { name: string } }[] } };

interface Server {
  url: string;
  timeoutSeconds: number;
  headers?: Record<string, string>;
  credentialId?: string;
}
interface Assistant {
  name: string;
  server: Server;
  model: { tools: { function: { name: string }; server: Server }[] };
}

const servers = (assistant: Assistant) => [
  assistant.server,
  ...assistant.model.tools.map((t) => t.server),
];

describe('assistantJson', () => {
  it.each([
    [
      'bearer',
      's3cret-0123456789abcdef',
      { headers: { Authorization: 'Bearer s3cret-0123456789abcdef' } },
    ],
    ['bearer', undefined, { headers: { Authorization: `Bearer ${SECRET_PLACEHOLDER}` } }],
    [
      'x-vapi-secret',
      's3cret-0123456789abcdef',
      { headers: { 'X-Vapi-Secret': 's3cret-0123456789abcdef' } },
    ],
    ['hmac', 's3cret-0123456789abcdef', { credentialId: CREDENTIAL_PLACEHOLDER }],
  ] as const)(
    'points every server at the workspace, %s with secret %s',
    (type, secret, credential) => {
      const assistant = JSON.parse(
        assistantJson({ serverUrl: URL_OF_WS, auth: { type, secret } }),
      ) as Assistant;
      expect(servers(assistant)).toHaveLength(docsFile.model.tools.length + 1);
      for (const server of servers(assistant)) {
        expect(server).toEqual({ url: URL_OF_WS, timeoutSeconds: 20, ...credential });
      }
    },
  );

  it('keeps everything else of docs/vapi-assistant.json as it is', () => {
    const assistant = JSON.parse(
      assistantJson({ serverUrl: URL_OF_WS, auth: { type: 'bearer' } }),
    ) as Assistant;
    expect(assistant.model.tools.map((t) => t.function.name)).toEqual(
      docsFile.model.tools.map((t) => t.function.name),
    );
    expect(assistantJson({ serverUrl: URL_OF_WS, auth: { type: 'bearer' } })).not.toContain(
      'YOUR-BRIDGE-HOST',
    );
  });
});

describe('generateSecret', () => {
  it('is 43 base64url characters of the random source', () => {
    // 0xfb bytes are the ones whose base64 has both `+` and `/`, which a URL-safe secret avoids.
    expect(generateSecret((bytes) => bytes.fill(0xfb))).toBe(`${'-_v7'.repeat(10)}-_s`);
    expect(generateSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateSecret()).not.toBe(generateSecret());
  });
});
