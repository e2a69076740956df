/**
 * Which URLs a webhook may be sent to. A webhook is a request the server makes on a user's behalf,
 * so without these rules an endpoint could reach what only the server can: its own admin ports,
 * the database, a cloud metadata service (169.254.169.254). Only http(s) URLs whose addresses are
 * public unicast are allowed; `allowPrivate` (GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE, for tests, the
 * demo and a receiver on the same private network) lifts the address rules and allows plain http.
 * Without it, https is required: the payloads carry customers' names, emails and phones.
 *
 * The address ranges are ipaddr.js's (IANA's special-purpose registries): anything it does not
 * class as `unicast` is refused: private (RFC 1918), loopback, link-local, unique-local (fc00::/7),
 * CGNAT (100.64.0.0/10), multicast, unspecified, reserved, and IPv6 forms that wrap an IPv4
 * address (6to4, Teredo, NAT64), whose IPv4 side could be any of those.
 */
import ipaddr from 'ipaddr.js';

/** Why a URL is refused, as data; the words are rendered where it is answered. */
export type UrlRefusal =
  | { reason: 'not_a_url' }
  | { reason: 'scheme'; scheme: string }
  | { reason: 'https_required' }
  | { reason: 'local_name'; host: string }
  | { reason: 'private_address'; host: string; address: string; range: string };

/**
 * The range `address` is in when it is not public unicast; undefined for a public address. An
 * IPv4 address written as IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it is.
 *
 * @example nonPublicRange('10.1.2.3') // 'private'
 * @example nonPublicRange('93.184.215.14') // undefined
 */
export function nonPublicRange(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'invalid';
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? undefined : range;
}

/**
 * An IP literal in a URL's host (`127.0.0.1`, `[::1]`) without brackets; undefined for a name.
 *
 * @example ipLiteral('[::1]') // '::1'
 */
export function ipLiteral(hostname: string): string | undefined {
  const bare =
    hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.IPv4.isValidFourPartDecimal(bare) || ipaddr.IPv6.isValid(bare) ? bare : undefined;
}

/**
 * What is wrong with `url` as a webhook URL before any DNS lookup: the scheme, a name that
 * always means this machine, an IP literal outside public unicast. A name that passes still has
 * to resolve to public addresses only (`refusedAddress` on each).
 *
 * @example urlRefusal('http://127.0.0.1:8080/hook', { allowPrivate: false }) // { reason: 'https_required' }
 */
export function urlRefusal(
  url: string,
  options: { allowPrivate: boolean },
): UrlRefusal | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { reason: 'not_a_url' };
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (scheme !== 'https' && scheme !== 'http') return { reason: 'scheme', scheme };
  if (options.allowPrivate) return undefined;
  if (scheme !== 'https') return { reason: 'https_required' };
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  // RFC 6761: `localhost` and every name under it are this machine, whatever DNS says.
  if (host === 'localhost' || host.endsWith('.localhost')) return { reason: 'local_name', host };
  const literal = ipLiteral(host);
  return literal === undefined ? undefined : refusedAddress(host, literal);
}

/**
 * The refusal for `host` resolving to `address`, when that address is not public unicast.
 *
 * @example refusedAddress('hooks.example.com', '10.0.0.5') // { reason: 'private_address', …, range: 'private' }
 */
export function refusedAddress(host: string, address: string): UrlRefusal | undefined {
  const range = nonPublicRange(address);
  return range === undefined ? undefined : { reason: 'private_address', host, address, range };
}
