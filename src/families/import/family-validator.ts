import { validateSync } from 'class-validator';
import type { PersonalDataCipher } from '../../common/personal-data/personal-data-cipher';
import { flattenValidationErrors } from '../../common/problem/validation-errors';
import { MemberInputDto } from '../dto/member-input.dto';
import type { FamilyFields } from '../families.service';
import type { PersonDetails } from '../person-details';
import { toPersonDetails } from '../person-mapper';
import { FAMILY_COLUMNS } from './csv-columns';
import type { CsvRow, FamilyGroup } from './family-grouper';
import { FamilyRows, RowsContext, familyRows } from './family-rows';
import { ImportFamilyDto } from './import-family.dto';
import {
  CellProblem,
  RowProblem,
  cellProblemOf,
  familyCellsOf,
  memberPlainOf,
  propertyOfColumn,
} from './import-row';

export interface ImportedMember {
  line: number;
  person: PersonDetails;
}

export type FamilyValues = Omit<FamilyFields, 'externalRef'>;

export interface ValidFamily {
  ref: string;
  fields: FamilyValues;
  members: ImportedMember[];
}

/** A valid family with its rows ready to insert. */
export interface PreparedFamily extends FamilyRows {
  source: ValidFamily;
}

export interface RejectedFamily {
  ref: string | null;
  /** Every row of the family: its own problems, or a note that it went with the family. */
  problems: RowProblem[];
  rows: number;
}

/**
 * A family checked on its own: its problems, the members whose details passed (for the check across the file),
 * and, when it has no problem, its rows to insert. Plain data, so a worker thread can hand it back.
 */
export interface CheckedFamily {
  ref: string | null;
  lines: number[];
  fields: FamilyValues;
  members: ImportedMember[];
  problems: RowProblem[];
  rows: FamilyRows | null;
}

export type Validation = { ok: true; family: PreparedFamily } | { ok: false; rejected: RejectedFamily };

/** What checking needs besides the rows: the cipher, the programme's default ID format and rules, the date. */
export interface CheckContext extends RowsContext {
  cipher: PersonalDataCipher;
  defaultFormat: string;
}

const REF_MAX = 64; // families.external_ref
const VALIDATE = { stopAtFirstError: true, forbidUnknownValues: true };

/**
 * Checks one family at a time, row by row with the API's own DTOs and person mapping (PESEL checksum and
 * birth date, encryption, blind index), and decides the eligibility of a family without problems. Holds no
 * state between families, so families can be checked in any thread and in any order.
 */
export class FamilyChecker {
  constructor(private readonly context: CheckContext) {}

  check(group: FamilyGroup): CheckedFamily {
    const problems: RowProblem[] = [...group.problems];
    const at = (line: number) => (p: CellProblem) => problems.push({ line, ...p });
    const ref = group.ref;
    if (ref !== null && ref.length > REF_MAX)
      problems.push({
        line: group.rows[0].line,
        field: 'family_ref',
        message: `must be at most ${REF_MAX} characters`,
      });

    const fields = this.familyFields(group.rows, problems);
    const members: ImportedMember[] = [];
    for (const row of group.rows) {
      const { input, problems: cellProblems } = this.memberInput(row);
      if (row.problems.length || cellProblems.length) {
        [...row.problems, ...cellProblems].forEach(at(row.line));
        continue;
      }
      const result = toPersonDetails(input, this.context.defaultFormat, this.context.cipher, 'member');
      if (result.person) members.push({ line: row.line, person: result.person });
      else
        result.errors.forEach((e) =>
          at(row.line)(cellProblemOf(e.field.replace(/^member\./, ''), e.message)),
        );
    }
    const rows = problems.length || ref === null ? null : familyRows(this.context, ref, fields, members);
    return { ref, lines: group.rows.map((r) => r.line), fields, members, problems, rows };
  }

  /** Cell spellings first, then the DTO for what they did not already explain. */
  private memberInput(row: CsvRow): { input: MemberInputDto; problems: CellProblem[] } {
    const { plain, problems } = memberPlainOf(row.cells);
    // The cells are already strings and booleans, so the DTO is filled in as is (no class-transformer needed).
    const input = Object.assign(new MemberInputDto(), plain);
    const reported = new Set(problems.map((p) => p.field));
    for (const error of flattenValidationErrors(validateSync(input, VALIDATE))) {
      const problem = cellProblemOf(error.field, error.message);
      if (!reported.has(problem.field)) problems.push(problem);
    }
    return { input, problems };
  }

  /**
   * Each family column takes the first value any of the family's rows gives; a later row may repeat it or
   * leave it empty, but a different value is a conflict (which address is right cannot be guessed).
   */
  private familyFields(rows: CsvRow[], problems: RowProblem[]): FamilyValues {
    const chosen = new Map<string, { value: string; line: number }>();
    for (const row of rows) {
      for (const [column, value] of Object.entries(familyCellsOf(row.cells))) {
        const first = chosen.get(column);
        if (!first) chosen.set(column, { value, line: row.line });
        else if (first.value !== value)
          problems.push({
            line: row.line,
            field: column,
            message: `"${value}" conflicts with "${first.value}" given for the same family on line ${first.line}`,
          });
      }
    }
    const dto = new ImportFamilyDto();
    for (const [column, { value }] of chosen) Object.assign(dto, { [propertyOfColumn(column)]: value });
    for (const error of flattenValidationErrors(validateSync(dto, VALIDATE))) {
      const problem = cellProblemOf(error.field, error.message);
      problems.push({ line: chosen.get(problem.field)?.line ?? rows[0].line, ...problem });
    }
    const value = (column: (typeof FAMILY_COLUMNS)[number]) => chosen.get(column)?.value ?? null;
    return {
      street: value('street'),
      postalCode: value('postal_code'),
      city: value('city'),
      municipalityCode: value('municipality_code'),
      email: value('email'),
      phone: value('phone'),
    };
  }
}

/**
 * The one check that needs the whole file: a national ID may appear only once in it. Fed the checked families
 * in file order, it remembers every national ID seen so far by blind index (from rejected families too) and
 * turns each family into its final verdict.
 */
export class RepeatedIds {
  private readonly seen = new Map<string, number>();

  settle(checked: CheckedFamily): Validation {
    const problems = [...checked.problems];
    for (const { line, person } of checked.members) {
      const index = person.nationalIdIndex;
      if (!index) continue;
      const first = this.seen.get(index);
      if (first === undefined) this.seen.set(index, line);
      else
        problems.push({
          line,
          field: 'national_id',
          message: `appears again in this file (first on line ${first})`,
        });
    }
    const { ref, fields, members, rows } = checked;
    if (problems.length || ref === null || rows === null)
      return { ok: false, rejected: rejectFamily(ref, checked.lines, problems) };
    return { ok: true, family: { ...rows, source: { ref, fields, members } } };
  }
}

/**
 * A rejected family as reported: every problem, and for each of its rows that had none, a note that it was
 * rejected with its family, so the report accounts for every row of the file.
 */
export function rejectFamily(ref: string | null, lines: number[], problems: RowProblem[]): RejectedFamily {
  const withProblems = new Set(problems.map((p) => p.line));
  const firstLine = Math.min(...withProblems);
  const notes = lines
    .filter((line) => !withProblems.has(line))
    .map((line) => ({
      line,
      field: 'family_ref',
      message: `rejected with family ${ref} (see line ${firstLine})`,
    }));
  const all = [...problems, ...notes].sort((a, b) => a.line - b.line);
  return { ref, problems: all, rows: new Set([...lines, ...withProblems]).size };
}
