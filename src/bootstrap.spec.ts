import type { IncomingMessage } from 'node:http';
import { requestIdFor } from './bootstrap';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const request = (id?: string | string[]) =>
  ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as unknown as IncomingMessage;

describe('requestIdFor', () => {
  it.each([
    ['exactly 8 characters', 'a1b2c3d4'],
    ['exactly 128 characters', 'r'.repeat(128)],
    ['a UUID', '5f0c1f9e-3b4d-4c2a-9a7e-0e1d2c3b4a59'],
    ['dots, colons, dashes and underscores', 'trace:01.span-XYZ_7'],
    ['an upstream id', 'req-1714558542-0042'],
  ])('keeps %s', (_, id) => {
    expect(requestIdFor(request(id))).toBe(id);
  });

  it.each<[string, string | string[] | undefined]>([
    ['no header', undefined],
    ['an empty header', ''],
    ['7 characters', 'a1b2c3d'],
    ['129 characters', 'r'.repeat(129)],
    ['a blank', 'request 12345'],
    ['a line break', 'request-1\nX-Admin: 1'],
    ['markup', '<script>alert(1)</script>'],
    ['a slash', 'tenant/12345678'],
    ['non-ASCII letters', 'zażółć-12345'],
    ['a repeated header', ['request-12345', 'request-67890']],
  ])('replaces %s with a UUID', (_, id) => {
    const result = requestIdFor(request(id));
    expect(result).toMatch(UUID);
    expect(result).not.toBe(id);
  });

  it('makes a new UUID for each request', () => {
    expect(requestIdFor(request())).not.toBe(requestIdFor(request()));
  });
});
