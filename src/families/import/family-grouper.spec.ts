import type { RowCells } from './csv-columns';
import { CsvRow, FamilyGrouper, MAX_FAMILY_ROWS } from './family-grouper';

const row = (line: number, ref?: string): CsvRow => ({
  line,
  cells: (ref ? { family_ref: ref } : {}) as RowCells,
  problems: [],
});

/** Runs the refs through a grouper: each group as "ref:lines" and its problems as "line field". */
function group(refs: (string | undefined)[]) {
  const grouper = new FamilyGrouper();
  const groups = [...refs.flatMap((ref, i) => grouper.push(row(i + 2, ref))), ...grouper.end()];
  return groups.map((g) => ({
    family: `${g.ref}:${g.rows.map((r) => r.line).join(',')}`,
    problems: g.problems.map((p) => `${p.line} ${p.field}`),
  }));
}

describe('FamilyGrouper', () => {
  it.each([
    ['nothing', [], []],
    [
      'contiguous families',
      ['A', 'A', 'B', 'C', 'C'],
      [
        { family: 'A:2,3', problems: [] },
        { family: 'B:4', problems: [] },
        { family: 'C:5,6', problems: [] },
      ],
    ],
    [
      'a family seen again after another',
      ['A', 'B', 'A', 'A'],
      [
        { family: 'A:2', problems: [] },
        { family: 'B:3', problems: [] },
        { family: 'A:4,5', problems: ['4 family_ref', '5 family_ref'] },
      ],
    ],
    [
      'a row without family_ref, alone, not ending the family around it',
      ['A', undefined, 'A'],
      [
        { family: 'null:3', problems: ['3 family_ref'] },
        { family: 'A:2,4', problems: [] },
      ],
    ],
  ])('%s', (_name, refs, expected) => {
    expect(group(refs)).toEqual(expected);
  });

  it('reports the rows past the cap without keeping them', () => {
    const [runaway] = group(Array(MAX_FAMILY_ROWS + 2).fill('A'));
    expect(runaway.family.split(',')).toHaveLength(MAX_FAMILY_ROWS);
    expect(runaway.problems).toEqual([
      `${MAX_FAMILY_ROWS + 2} family_ref`,
      `${MAX_FAMILY_ROWS + 3} family_ref`,
    ]);
  });

  it('says why a family seen again is rejected', () => {
    const grouper = new FamilyGrouper();
    grouper.push(row(2, 'A'));
    grouper.push(row(3, 'B'));
    grouper.push(row(4, 'A'));
    expect(grouper.end()[0].problems[0].message).toBe(
      'family_ref A appears again after other families; rows of a family must be together',
    );
  });
});
