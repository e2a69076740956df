import { describe, expect, it } from 'vitest';
import { nonPublicRange, urlRefusal } from './addressRules.js';

describe('nonPublicRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.251', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:7f00:1::', '6to4'],
    ['not-an-address', 'invalid'],
  ])('refuses %s (%s)', (address, range) => {
    expect(nonPublicRange(address)).toBe(range);
  });

  it.each(['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(nonPublicRange(address)).toBeUndefined();
    },
  );
});

describe('urlRefusal', () => {
  const strict = { allowPrivate: false };
  const relaxed = { allowPrivate: true };

  it.each([
    ['https://hooks.example.com/ghl', strict, undefined],
    ['https://93.184.215.14/hook', strict, undefined],
    ['http://hooks.example.com/ghl', strict, { reason: 'https_required' }],
    ['ftp://hooks.example.com/', strict, { reason: 'scheme', scheme: 'ftp' }],
    ['file:///etc/passwd', relaxed, { reason: 'scheme', scheme: 'file' }],
    ['not a url', strict, { reason: 'not_a_url' }],
    ['https://localhost:3000/', strict, { reason: 'local_name', host: 'localhost' }],
    ['https://app.localhost./', strict, { reason: 'local_name', host: 'app.localhost' }],
    [
      'https://127.0.0.1:8443/hook',
      strict,
      { reason: 'private_address', host: '127.0.0.1', address: '127.0.0.1', range: 'loopback' },
    ],
    // The URL parser reads other spellings of an IPv4 address as that address.
    [
      'https://0x7f000001/hook',
      strict,
      { reason: 'private_address', host: '127.0.0.1', address: '127.0.0.1', range: 'loopback' },
    ],
    [
      'https://[::1]/hook',
      strict,
      { reason: 'private_address', host: '[::1]', address: '::1', range: 'loopback' },
    ],
    [
      'https://169.254.169.254/latest/meta-data',
      strict,
      {
        reason: 'private_address',
        host: '169.254.169.254',
        address: '169.254.169.254',
        range: 'linkLocal',
      },
    ],
    ['http://127.0.0.1:8080/hook', relaxed, undefined],
    ['http://localhost:8080/hook', relaxed, undefined],
  ])('%s', (url, options, expected) => {
    expect(urlRefusal(url, options)).toEqual(expected);
  });
});
