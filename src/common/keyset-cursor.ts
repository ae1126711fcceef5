import { Brackets } from 'typeorm';

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
