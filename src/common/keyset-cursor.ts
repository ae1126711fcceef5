import { Brackets } from 'typeorm';
import { ProblemException } from './problem/problem.exception';

/** A row's position in a list ordered by (a timestamp, a UUID): what the next page starts after. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

/** The opaque `nextCursor` clients send back: milliseconds and id, base64url. */
export const encodeKeyset = ({ at, id }: KeysetPosition): string =>
  Buffer.from(`${at.getTime()}.${id}`).toString('base64url');

/** The position in a cursor, or null for anything that is not one of ours (never passed on to the database). */
export function decodeKeyset(cursor: string): KeysetPosition | null {
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/i.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? { at: new Date(Number(match[1])), id: match[2].toLowerCase() } : null;
}

export const CURSOR_MESSAGE = 'cursor must be a nextCursor value from a previous page';

/** The position a client's cursor names, or the 400 problem naming `cursor`. */
export function positionOf(cursor: string): KeysetPosition {
  const position = decodeKeyset(cursor);
  if (!position) throw ProblemException.validation([{ field: 'cursor', message: CURSOR_MESSAGE }]);
  return position;
}

/** A page from `limit + 1` rows: the extra row is not shown, it only says that there is a next page. */
export function keysetPage<T>(
  rows: T[],
  limit: number,
  position: (row: T) => KeysetPosition,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeKeyset(position(items[items.length - 1])) : null };
}

/**
 * The rows after `position` in (column, idColumn) order: later ones for an ascending list, earlier ones for a
 * descending one. An index on (column, id) serves it directly, so every page costs the same.
 */
export const afterKeyset = (
  column: string,
  idColumn: string,
  position: KeysetPosition,
  order: 'ASC' | 'DESC',
): Brackets => {
  const op = order === 'ASC' ? '>' : '<';
  return new Brackets((w) =>
    w
      .where(`${column} ${op} :keysetAt`, { keysetAt: position.at })
      .orWhere(`(${column} = :keysetAt AND ${idColumn} ${op} :keysetId)`, { keysetId: position.id }),
  );
};
