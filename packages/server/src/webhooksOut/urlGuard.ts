/**
 * The address rules of `core/addressRules.ts` applied with DNS: on create and update (a 422
 * naming the address), and again on every attempt, on the addresses the connection is actually
 * made to (`guardedLookup`), since what a name resolves to can change after it was checked.
 */
import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { ipLiteral, refusedAddress, urlRefusal, type UrlRefusal } from './core/addressRules.js';

const ALLOW_PRIVATE = 'GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE=true';

const RANGE_WORDS: Record<string, string> = {
  private: 'private (RFC 1918)',
  loopback: 'loopback',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local (fc00::/7)',
  carrierGradeNat: 'carrier-grade NAT (100.64.0.0/10)',
  multicast: 'multicast',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
};

/**
 * What to tell the user about a refused URL.
 *
 * @example urlRefusalMessage({ reason: 'https_required' })
 */
export function urlRefusalMessage(refusal: UrlRefusal): string {
  switch (refusal.reason) {
    case 'not_a_url':
      return 'expected an absolute URL such as https://app.example.com/webhooks/ghl-bridge';
    case 'scheme':
      return `expected an https URL, not ${refusal.scheme}:`;
    case 'https_required':
      return `expected an https URL: webhooks carry customers' contact details, so plain http is only allowed when the server sets ${ALLOW_PRIVATE}`;
    case 'local_name':
      return `${refusal.host} is this machine: webhooks go to public addresses only, unless the server sets ${ALLOW_PRIVATE}`;
    case 'private_address': {
      const range = RANGE_WORDS[refusal.range] ?? `non-public (${refusal.range})`;
      const resolves =
        refusal.host.replace(/^\[|\]$/g, '') === refusal.address ? 'is' : 'resolves to';
      return `${refusal.host} ${resolves} ${refusal.address}, a ${range} address: webhooks go to public addresses only, unless the server sets ${ALLOW_PRIVATE}`;
    }
  }
}

/** Raised by `guardedLookup` for a name that resolves to a refused address. */
export class RefusedAddressError extends Error {
  constructor(readonly refusal: UrlRefusal) {
    super(urlRefusalMessage(refusal));
    this.name = 'RefusedAddressError';
  }
}

/**
 * `dns.lookup` for `http.request`: fails the connection when any address of the name is not
 * public, so the address checked is the address connected to.
 */
export const guardedLookup = ((
  hostname: string,
  options: LookupOptions,
  callback: (
    error: NodeJS.ErrnoException | null,
    address: string | LookupAddress[],
    family?: number,
  ) => void,
) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    for (const { address } of addresses) {
      const refusal = refusedAddress(hostname, address);
      if (refusal) return callback(new RefusedAddressError(refusal), []);
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(new Error(`${hostname} has no address`), []);
    return callback(null, first.address, first.family);
  });
}) as LookupFunction;

/** How long a check on create or update waits for DNS. */
const LOOKUP_TIMEOUT_MS = 5_000;

/**
 * What is wrong with `url` as a webhook URL, in words, or undefined: the rules of
 * `core/addressRules.ts`, then (without `allowPrivate`) every address its host resolves to.
 *
 * @example const problem = await webhookUrlProblem(body.url, { allowPrivate: false });
 */
export async function webhookUrlProblem(
  url: string,
  options: { allowPrivate: boolean },
): Promise<string | undefined> {
  const refusal = urlRefusal(url, options);
  if (refusal) return urlRefusalMessage(refusal);
  if (options.allowPrivate) return undefined;
  const host = new URL(url).hostname;
  if (ipLiteral(host) !== undefined) return undefined;
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'no answer';
    return `${host} does not resolve (${code}): check the host name`;
  }
  for (const { address } of addresses) {
    const refused = refusedAddress(host, address);
    if (refused) return urlRefusalMessage(refused);
  }
  return undefined;
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(Object.assign(new Error('DNS timeout'), { code: 'ETIMEOUT' })),
      LOOKUP_TIMEOUT_MS,
    );
    lookup(host, { all: true }, (error, addresses) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(addresses);
    });
  });
}
