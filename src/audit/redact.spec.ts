import { REDACTED, redactSummary } from './redact';

describe('redactSummary', () => {
  it.each([
    'password',
    'newPassword',
    'PASSWORD',
    'pass',
    'secret',
    'clientSecret',
    'token',
    'refreshToken',
    'hash',
    'passwordHash',
    'secretHash',
    'apiKey',
    'api_key',
    'API-KEY',
    'nationalId',
    'national_id',
    'pesel',
    'PESEL',
    'personalNumber',
    'ssn',
    'taxId',
  ])('redacts the value of %j', (key) => {
    expect(redactSummary({ [key]: 'value-that-must-not-be-stored', kept: 1 })).toStrictEqual({
      [key]: REDACTED,
      kept: 1,
    });
  });

  it.each<[string, unknown, unknown]>([
    [
      'secrets at any depth',
      { user: { profile: { pesel: '90010112345', name: 'Anna' } } },
      { user: { profile: { pesel: REDACTED, name: 'Anna' } } },
    ],
    [
      'secrets inside array elements',
      {
        members: [
          { name: 'Anna', pesel: '90010112345' },
          { name: 'Jan', nationalId: 'ABC123456' },
        ],
      },
      {
        members: [
          { name: 'Anna', pesel: REDACTED },
          { name: 'Jan', nationalId: REDACTED },
        ],
      },
    ],
    [
      'secrets inside nested arrays',
      [[{ token: 't' }], [{ apiKey: 'k', scopes: ['validations:write'] }]],
      [[{ token: REDACTED }], [{ apiKey: REDACTED, scopes: ['validations:write'] }]],
    ],
    ['a whole object under a secret key', { secret: { a: 1, b: [2] } }, { secret: REDACTED }],
    ['a whole array under a secret key', { tokens: ['a', 'b'] }, { tokens: REDACTED }],
    [
      'every other kind of value unchanged',
      { email: 'a@example.org', count: 3, ok: true, none: null, missing: undefined, list: [1, 'two'] },
      { email: 'a@example.org', count: 3, ok: true, none: null, missing: undefined, list: [1, 'two'] },
    ],
    ['a plain string', 'hello', 'hello'],
    ['a number', 42, 42],
    ['null', null, null],
    ['a string of exactly 500 characters', 'a'.repeat(500), 'a'.repeat(500)],
    ['a string of 501 characters, cut to 500', 'a'.repeat(501), `${'a'.repeat(500)}…`],
    ['a long string inside an object', { note: 'b'.repeat(2000) }, { note: `${'b'.repeat(500)}…` }],
    ['a Date', new Date('2024-05-01T10:00:00Z'), '2024-05-01T10:00:00.000Z'],
    [
      'Dates in objects and arrays',
      { lockedUntil: new Date('2024-05-01T10:15:00Z'), at: [new Date(0)] },
      { lockedUntil: '2024-05-01T10:15:00.000Z', at: ['1970-01-01T00:00:00.000Z'] },
    ],
    [
      'nesting deeper than six levels',
      { a: { b: { c: { d: { e: { f: { g: { h: 1 } } } } } } } },
      { a: { b: { c: { d: { e: { f: { g: '[truncated]' } } } } } } },
    ],
  ])('handles %s', (_, input, expected) => {
    expect(redactSummary(input)).toStrictEqual(expected);
  });

  it('keeps at most 50 array elements', () => {
    const input = Array.from({ length: 80 }, (_, i) => i);
    expect(redactSummary(input)).toStrictEqual(input.slice(0, 50));
  });

  it('leaves its input untouched', () => {
    const input = { password: 'p', nested: { token: 't' }, at: new Date(0) };
    redactSummary(input);
    expect(input).toStrictEqual({ password: 'p', nested: { token: 't' }, at: new Date(0) });
  });
});
