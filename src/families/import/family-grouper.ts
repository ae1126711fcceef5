import type { RowCells } from './csv-columns';
import type { CellProblem, RowProblem } from './import-row';

/** One CSV record: the line it starts on, its known cells, and what is wrong with the record as such. */
export interface CsvRow {
  line: number;
  cells: RowCells;
  problems: CellProblem[];
}

/**
 * Contiguous rows sharing a family_ref. `problems` holds what is wrong with the group as a whole; a group
 * with any problem is rejected. A row without a family_ref forms a group of its own with `ref` null.
 */
export interface FamilyGroup {
  ref: string | null;
  /** At most MAX_FAMILY_ROWS: rows past it are only reported, so one runaway family cannot exhaust memory. */
  rows: CsvRow[];
  problems: RowProblem[];
}

/** The same cap as an application's member list: more is almost surely a family_ref shared by mistake. */
export const MAX_FAMILY_ROWS = 30;

/**
 * Cuts the stream of rows into families. Rows of a family must be contiguous: the file is streamed and each
 * family is decided on once complete, so a family_ref seen again after other families is reported, not merged.
 */
export class FamilyGrouper {
  private current: FamilyGroup | null = null;
  private readonly finished = new Set<string>();

  /** Adds a row; returns the groups it completed (the previous family, or a row without family_ref). */
  push(row: CsvRow): FamilyGroup[] {
    const ref = row.cells.family_ref ?? null;
    if (ref === null) {
      return [
        {
          ref: null,
          rows: [row],
          problems: [{ line: row.line, field: 'family_ref', message: 'is required' }],
        },
      ];
    }
    if (this.current?.ref === ref) {
      this.add(this.current, row);
      return [];
    }
    const done = this.end();
    this.current = { ref, rows: [], problems: [] };
    this.add(this.current, row);
    return done;
  }

  /** Completes the family in progress, if any. */
  end(): FamilyGroup[] {
    const group = this.current;
    this.current = null;
    if (!group) return [];
    this.finished.add(group.ref!);
    return [group];
  }

  private add(group: FamilyGroup, row: CsvRow): void {
    if (this.finished.has(group.ref!)) {
      group.problems.push({
        line: row.line,
        field: 'family_ref',
        message: `family_ref ${group.ref} appears again after other families; rows of a family must be together`,
      });
    }
    if (group.rows.length < MAX_FAMILY_ROWS) {
      group.rows.push(row);
      return;
    }
    group.problems.push({
      line: row.line,
      field: 'family_ref',
      message: `family ${group.ref} has more than ${MAX_FAMILY_ROWS} members; check family_ref`,
    });
  }
}
