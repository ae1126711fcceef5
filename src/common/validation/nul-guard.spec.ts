import { nulPath } from './nul-guard';

describe('nulPath', () => {
  it.each([
    ['plain text', 'hello', null],
    ['a NUL in a top-level string', 'a\u0000b', 'body'],
    ['nested object', { a: { b: 'x\u0000' } }, 'a.b'],
    ['array element', { members: [{ name: 'ok' }, { name: '\u0000' }] }, 'members[1].name'],
    ['a NUL in a key', { 'a\u0000': 1 }, 'a\u0000'],
    ['numbers and booleans', { n: 0, b: false, z: null }, null],
    ['a Buffer holding zero bytes', Buffer.from([0, 0, 0]), null],
    ['escaped text that only looks like NUL', { a: '\\u0000' }, null],
  ])('%s', (_label, value, expected) => {
    expect(nulPath(value)).toBe(expected);
  });
});
