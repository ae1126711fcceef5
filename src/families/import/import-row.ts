import { MEMBER_ROLES } from '../../programmes/eligibility/eligibility.types';
import { FAMILY_COLUMNS, FamilyColumn, MemberColumn, RowCells } from './csv-columns';
import { BOOLEAN_WORDS, POLISH_ROLE_ALIASES, normalizeDate, parseBoolean, roleOf } from './csv-values';

/** One reason a row cannot be imported, named after the CSV column (or '-' for the row as a whole). */
export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

export type CellProblem = Omit<RowProblem, 'line'>;

/** The CSV column behind each property of MemberInputDto and of the family, for messages the operator reads. */
export const COLUMN_OF_PROPERTY: Readonly<Record<string, string>> = {
  firstName: 'first_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
  role: 'role',
  nationalId: 'national_id',
  nationalIdFormat: 'national_id_format',
  educationEnd: 'education_end',
  educationInstitution: 'education_institution',
  disabilityUntil: 'disability_until',
  disabilityPermanent: 'disability_permanent',
  fosterPlacementEnd: 'foster_placement_end',
  parentalAuthority: 'parental_authority',
  residencePermitEnd: 'residence_permit_end',
  street: 'street',
  postalCode: 'postal_code',
  city: 'city',
  municipalityCode: 'municipality_code',
  email: 'email',
  phone: 'phone',
};

const PROPERTY_OF_COLUMN = Object.fromEntries(Object.entries(COLUMN_OF_PROPERTY).map(([p, c]) => [c, p]));

type Kind = 'text' | 'date' | 'boolean' | 'role';

const MEMBER_CELLS: Readonly<Record<MemberColumn, { kind: Kind; required?: true }>> = {
  first_name: { kind: 'text', required: true },
  last_name: { kind: 'text', required: true },
  birth_date: { kind: 'date', required: true },
  role: { kind: 'role', required: true },
  national_id: { kind: 'text' },
  national_id_format: { kind: 'text' },
  education_end: { kind: 'date' },
  education_institution: { kind: 'text' },
  disability_until: { kind: 'date' },
  disability_permanent: { kind: 'boolean' },
  foster_placement_end: { kind: 'date' },
  parental_authority: { kind: 'boolean' },
  residence_permit_end: { kind: 'date' },
};

const ROLE_WORDS = [...MEMBER_ROLES, ...Object.keys(POLISH_ROLE_ALIASES)].join(', ');

/**
 * A row's member cells as the plain object MemberInputDto is built from. Only what the CSV format itself
 * decides is checked here (required cells, date and boolean spellings, role words); the rest is the DTO's job,
 * so that the import accepts exactly what the API accepts.
 */
export function memberPlainOf(cells: RowCells): { plain: Record<string, unknown>; problems: CellProblem[] } {
  const plain: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  for (const [column, { kind, required }] of Object.entries(MEMBER_CELLS) as [
    MemberColumn,
    { kind: Kind; required?: true },
  ][]) {
    const value = cells[column];
    if (value === undefined) {
      if (required) problems.push({ field: column, message: 'is required' });
      continue;
    }
    const converted = convert(kind, value);
    if (converted.ok) plain[PROPERTY_OF_COLUMN[column]] = converted.value;
    else problems.push({ field: column, message: converted.message });
  }
  return { plain, problems };
}

function convert(kind: Kind, value: string): { ok: true; value: unknown } | { ok: false; message: string } {
  switch (kind) {
    case 'text':
      return { ok: true, value };
    case 'date': {
      const date = normalizeDate(value);
      return date
        ? { ok: true, value: date }
        : { ok: false, message: `must be a date as YYYY-MM-DD or DD.MM.YYYY (got "${value}")` };
    }
    case 'boolean': {
      const flag = parseBoolean(value);
      return flag === null
        ? { ok: false, message: `must be one of ${BOOLEAN_WORDS.join(', ')} (got "${value}")` }
        : { ok: true, value: flag };
    }
    case 'role': {
      const role = roleOf(value);
      return role
        ? { ok: true, value: role }
        : { ok: false, message: `must be one of: ${ROLE_WORDS} (got "${value}")` };
    }
  }
}

/** The family columns a row fills in, keyed by the family's property names. */
export function familyCellsOf(cells: RowCells): Partial<Record<FamilyColumn, string>> {
  const family: Partial<Record<FamilyColumn, string>> = {};
  for (const column of FAMILY_COLUMNS) if (cells[column] !== undefined) family[column] = cells[column];
  return family;
}

export const propertyOfColumn = (column: string): string => PROPERTY_OF_COLUMN[column] ?? column;

/**
 * Turns a validation message written for the API ("lastName must be …", "member.nationalId does not encode the
 * birth date given in member.birthDate") into one about CSV columns: the column becomes the field, and any other
 * property the message names is replaced by its column.
 */
export function cellProblemOf(property: string, message: string): CellProblem {
  const field = COLUMN_OF_PROPERTY[property] ?? property;
  const text = message
    .replace(/^(?:[\w[\]]+\.)?(\w+) /, (whole, name: string) => (name === property ? '' : whole))
    .replace(/\b(?:[\w[\]]+\.)?(\w+)\b/g, (whole, name: string) => COLUMN_OF_PROPERTY[name] ?? whole);
  return { field, message: text };
}
