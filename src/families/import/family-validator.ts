import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { PersonalDataCipher } from '../../common/personal-data/personal-data-cipher';
import { flattenValidationErrors } from '../../common/problem/validation-errors';
import { MemberInputDto } from '../dto/member-input.dto';
import type { FamilyFields } from '../families.service';
import type { PersonDetails } from '../person-details';
import { toPersonDetails } from '../person-mapper';
import { FAMILY_COLUMNS } from './csv-columns';
import type { CsvRow, FamilyGroup } from './family-grouper';
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

export interface RejectedFamily {
  ref: string | null;
  /** Every row of the family: its own problems, or a note that it went with the family. */
  problems: RowProblem[];
  rows: number;
}

export type Validation = { ok: true; family: ValidFamily } | { ok: false; rejected: RejectedFamily };

const REF_MAX = 64; // families.external_ref
const VALIDATE = { stopAtFirstError: true, forbidUnknownValues: true };

/**
 * Decides whether a family can be imported, row by row with the API's own DTOs and person mapping (PESEL
 * checksum and birth date, encryption, blind index). Remembers every national ID it has seen, by blind index,
 * to catch one repeated anywhere in the file.
 */
export class FamilyValidator {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly defaultFormat: string,
  ) {}

  async validate(group: FamilyGroup): Promise<Validation> {
    const problems: RowProblem[] = [...group.problems];
    const at = (line: number) => (p: CellProblem) => problems.push({ line, ...p });
    const ref = group.ref;
    if (ref !== null && ref.length > REF_MAX)
      problems.push({
        line: group.rows[0].line,
        field: 'family_ref',
        message: `must be at most ${REF_MAX} characters`,
      });

    const fields = await this.familyFields(group.rows, problems);
    const members: ImportedMember[] = [];
    for (const row of group.rows) {
      const { input, problems: cellProblems } = await this.memberInput(row);
      if (row.problems.length || cellProblems.length) {
        [...row.problems, ...cellProblems].forEach(at(row.line));
        continue;
      }
      const result = toPersonDetails(input, this.defaultFormat, this.cipher, 'member');
      if (!result.person) {
        result.errors.forEach((e) =>
          at(row.line)(cellProblemOf(e.field.replace(/^member\./, ''), e.message)),
        );
        continue;
      }
      this.checkRepeated(result.person, row.line, at(row.line));
      members.push({ line: row.line, person: result.person });
    }
    if (problems.length || ref === null) {
      const lines = group.rows.map((r) => r.line);
      return { ok: false, rejected: rejectFamily(ref, lines, problems) };
    }
    return { ok: true, family: { ref, fields, members } };
  }

  /** Cell spellings first, then the DTO for what they did not already explain. */
  private async memberInput(row: CsvRow): Promise<{ input: MemberInputDto; problems: CellProblem[] }> {
    const { plain, problems } = memberPlainOf(row.cells);
    const input = plainToInstance(MemberInputDto, plain);
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
  private async familyFields(rows: CsvRow[], problems: RowProblem[]): Promise<FamilyValues> {
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
    const plain = Object.fromEntries(
      [...chosen].map(([column, { value }]) => [propertyOfColumn(column), value]),
    );
    const errors = flattenValidationErrors(validateSync(plainToInstance(ImportFamilyDto, plain), VALIDATE));
    for (const error of errors) {
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

  private checkRepeated(person: PersonDetails, line: number, report: (p: CellProblem) => void): void {
    const index = person.nationalIdIndex;
    if (!index) return;
    const first = this.seen.get(index);
    if (first === undefined) this.seen.set(index, line);
    else report({ field: 'national_id', message: `appears again in this file (first on line ${first})` });
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
