import { randomUUID } from 'node:crypto';
import { decodeKeyset, encodeKeyset } from './keyset-cursor';

describe('keyset cursor', () => {
  it('round-trips (timestamp, id) with millisecond precision', () => {
    const position = { at: new Date('2026-03-01T10:11:12.345Z'), id: randomUUID() };
    const cursor = encodeKeyset(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeKeyset(cursor)).toEqual(position);
  });

  it.each([
    '',
    'abc',
    Buffer.from('123.not-a-uuid').toString('base64url'),
    Buffer.from('x.y').toString('base64url'),
    Buffer.from(`2026-01-01T00:00:00.000Z|${randomUUID()}`).toString('base64url'),
  ])('refuses %j', (cursor) => {
    expect(decodeKeyset(cursor)).toBeNull();
  });
});
