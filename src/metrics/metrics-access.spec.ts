import { isLoopback, metricsAccess, MetricsAccess, MetricsRequest } from './metrics-access';

const TOKEN = 'x'.repeat(31) + 'y';

const req = (remoteAddress: string | undefined, headers: MetricsRequest['headers'] = {}): MetricsRequest => ({
  remoteAddress,
  headers,
});

describe('metricsAccess', () => {
  it.each<[string, string | null, MetricsRequest, MetricsAccess]>([
    ['no token, IPv4 loopback', null, req('127.0.0.1'), 'allowed'],
    ['no token, anywhere in 127/8', null, req('127.1.2.3'), 'allowed'],
    ['no token, IPv6 loopback', null, req('::1'), 'allowed'],
    ['no token, IPv4-mapped loopback', null, req('::ffff:127.0.0.1'), 'allowed'],
    ['no token, another machine', null, req('192.0.2.10'), 'forbidden'],
    ['no token, IPv6 from elsewhere', null, req('2001:db8::1'), 'forbidden'],
    ['no token, IPv4-mapped elsewhere', null, req('::ffff:192.0.2.10'), 'forbidden'],
    ['no token, unknown peer', null, req(undefined), 'forbidden'],
    [
      'no token, loopback through a proxy (X-Forwarded-For)',
      null,
      req('127.0.0.1', { 'x-forwarded-for': '198.51.100.7' }),
      'forbidden',
    ],
    [
      'no token, loopback through a proxy (Forwarded)',
      null,
      req('127.0.0.1', { forwarded: 'for=198.51.100.7' }),
      'forbidden',
    ],
    [
      'no token, loopback through a proxy (X-Real-IP)',
      null,
      req('::1', { 'x-real-ip': '198.51.100.7' }),
      'forbidden',
    ],
    [
      'no token, a bearer token does not open it',
      null,
      req('192.0.2.10', { authorization: `Bearer ${TOKEN}` }),
      'forbidden',
    ],
    [
      'token, right bearer from elsewhere',
      TOKEN,
      req('192.0.2.10', { authorization: `Bearer ${TOKEN}` }),
      'allowed',
    ],
    [
      'token, right bearer through a proxy',
      TOKEN,
      req('127.0.0.1', { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '198.51.100.7' }),
      'allowed',
    ],
    [
      'token, scheme in lower case',
      TOKEN,
      req('192.0.2.10', { authorization: `bearer ${TOKEN}` }),
      'allowed',
    ],
    ['token, loopback without it', TOKEN, req('127.0.0.1'), 'unauthorized'],
    [
      'token, wrong bearer',
      TOKEN,
      req('192.0.2.10', { authorization: `Bearer ${TOKEN.slice(0, -1)}z` }),
      'unauthorized',
    ],
    [
      'token, a prefix of it',
      TOKEN,
      req('192.0.2.10', { authorization: `Bearer ${TOKEN.slice(0, 10)}` }),
      'unauthorized',
    ],
    [
      'token, longer than it',
      TOKEN,
      req('192.0.2.10', { authorization: `Bearer ${TOKEN}z` }),
      'unauthorized',
    ],
    ['token, Basic scheme', TOKEN, req('192.0.2.10', { authorization: `Basic ${TOKEN}` }), 'unauthorized'],
    [
      'token, bare token without a scheme',
      TOKEN,
      req('192.0.2.10', { authorization: TOKEN }),
      'unauthorized',
    ],
    ['token, empty bearer', TOKEN, req('192.0.2.10', { authorization: 'Bearer ' }), 'unauthorized'],
    [
      'token, repeated header',
      TOKEN,
      req('192.0.2.10', { authorization: [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`] }),
      'unauthorized',
    ],
  ])('%s', (_name, token, request, expected) => {
    expect(metricsAccess(token, request)).toBe(expected);
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['128.0.0.1', false],
    ['10.0.0.1', false],
    ['0.0.0.0', false],
    ['::', false],
    ['::ffff:10.0.0.1', false],
    ['127.example', false],
    ['', false],
  ])('%s → %p', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});
