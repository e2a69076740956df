/**
 * A webhook receiver for in-process tests: given to `createEmulator({ webhooks: { fetch } })`, it
 * records each POST exactly as sent (raw body, headers) and answers the scripted statuses
 * (then 200). `verified()` checks every recorded delivery with the client's `verifyWebhook`.
 */
import { verifyWebhook, type WebhookPublicKeys } from '@ghl-bridge/client/webhooks';

export interface ReceivedRequest {
  url: string;
  rawBody: string;
  headers: Headers;
}

export function webhookReceiver(statuses: number[] = []) {
  const received: ReceivedRequest[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    received.push({ url: request.url, rawBody: await request.text(), headers: request.headers });
    return new Response(null, { status: statuses.shift() ?? 200 });
  };
  return {
    fetch,
    received,
    /** Every delivery verified against `publicKeys` at `now`, in arrival order. */
    verified(publicKeys: WebhookPublicKeys, now: number, toleranceMs?: number) {
      return Promise.all(
        received.map((r) =>
          verifyWebhook({
            rawBody: r.rawBody,
            headers: r.headers,
            publicKeys,
            now: () => now,
            toleranceMs,
          }),
        ),
      );
    },
  };
}
