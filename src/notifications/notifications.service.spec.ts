import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor } from './notifications.service';

describe('list cursor', () => {
  it('round-trips (createdAt, id) with millisecond precision', () => {
    const row = { createdAt: new Date('2026-03-01T10:11:12.345Z'), id: randomUUID() };
    const cursor = encodeCursor(row);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(row);
  });

  it.each([
    '',
    'abc',
    Buffer.from('123.not-a-uuid').toString('base64url'),
    Buffer.from('x.y').toString('base64url'),
  ])('refuses %j', (cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});
