/** Columns that describe the family: taken once per family, from whichever of its rows fill them. */
export const FAMILY_COLUMNS = [
  'street',
  'postal_code',
  'city',
  'municipality_code',
  'email',
  'phone',
] as const;

export const MEMBER_COLUMNS = [
  'first_name',
  'last_name',
  'birth_date',
  'role',
  'national_id',
  'national_id_format',
  'education_end',
  'education_institution',
  'disability_until',
  'disability_permanent',
  'foster_placement_end',
  'parental_authority',
  'residence_permit_end',
] as const;

export const COLUMNS = ['family_ref', ...FAMILY_COLUMNS, ...MEMBER_COLUMNS] as const;

export type FamilyColumn = (typeof FAMILY_COLUMNS)[number];
export type MemberColumn = (typeof MEMBER_COLUMNS)[number];
export type Column = (typeof COLUMNS)[number];

/** Without these no row could ever be imported, so a header lacking one rejects the whole file. */
export const REQUIRED_COLUMNS: readonly Column[] = [
  'family_ref',
  'first_name',
  'last_name',
  'birth_date',
  'role',
];

/** Where each known column sits in a record. */
export type ColumnPositions = Partial<Record<Column, number>>;

export type HeaderResult =
  | { ok: true; positions: ColumnPositions; width: number; ignored: string[] }
  | { ok: false; errors: string[] };

const KNOWN: ReadonlySet<string> = new Set(COLUMNS);

/** Header names are compared ignoring case, surrounding spaces, and spaces or hyphens instead of '_'. */
export const columnKey = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * Maps the header line to column positions (order is free). Unknown columns are ignored but named, so that a
 * misspelt optional column does not go unnoticed; a missing required or a repeated column is an error.
 */
export function mapHeader(names: readonly string[]): HeaderResult {
  const positions: ColumnPositions = {};
  const ignored: string[] = [];
  const repeated = new Set<string>();
  names.forEach((name, i) => {
    const key = columnKey(name);
    if (!KNOWN.has(key)) {
      if (key !== '') ignored.push(name.trim());
      return;
    }
    if (positions[key as Column] !== undefined) repeated.add(key);
    else positions[key as Column] = i;
  });
  const errors: string[] = [];
  const missing = REQUIRED_COLUMNS.filter((c) => positions[c] === undefined);
  if (missing.length) errors.push(`the header lacks required column(s): ${missing.join(', ')}`);
  if (repeated.size) errors.push(`the header repeats column(s): ${[...repeated].join(', ')}`);
  return errors.length ? { ok: false, errors } : { ok: true, positions, width: names.length, ignored };
}

/** A record's known cells, trimmed; empty cells are left out, so "absent" has one meaning. */
export type RowCells = Partial<Record<Column, string>>;

export function cellsOf(record: readonly string[], positions: ColumnPositions): RowCells {
  const cells: RowCells = {};
  for (const column of COLUMNS) {
    const i = positions[column];
    const value = i === undefined ? undefined : record[i]?.trim();
    if (value) cells[column] = value;
  }
  return cells;
}
