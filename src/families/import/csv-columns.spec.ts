import { cellsOf, columnKey, mapHeader } from './csv-columns';

describe('columnKey', () => {
  it.each([
    ['family_ref', 'family_ref'],
    [' Family_Ref ', 'family_ref'],
    ['FIRST NAME', 'first_name'],
    ['birth-date', 'birth_date'],
    ['national  id', 'national_id'],
  ])('%j → %j', (name, key) => {
    expect(columnKey(name)).toBe(key);
  });
});

describe('mapHeader', () => {
  const required = ['family_ref', 'first_name', 'last_name', 'birth_date', 'role'];

  it.each([
    [
      'the required columns',
      required,
      { family_ref: 0, first_name: 1, last_name: 2, birth_date: 3, role: 4 },
      [],
    ],
    [
      'any order and case, unknown columns ignored but named',
      ['Role', 'Notes', 'LAST_NAME', 'first_name', 'Birth Date', 'family_ref', '', 'city'],
      { role: 0, last_name: 2, first_name: 3, birth_date: 4, family_ref: 5, city: 7 },
      ['Notes'],
    ],
  ])('maps %s', (_name, names, positions, ignored) => {
    expect(mapHeader(names)).toEqual({ ok: true, positions, width: names.length, ignored });
  });

  it.each([
    [
      'missing required columns, all named',
      ['family_ref', 'first_name', 'role'],
      ['the header lacks required column(s): last_name, birth_date'],
    ],
    ['a repeated column', [...required, 'City', 'city'], ['the header repeats column(s): city']],
    [
      'a data row taken for a header',
      ['R-1', 'Jan', 'Kowalski', '1980-03-15', 'parent'],
      ['the header lacks required column(s): family_ref, first_name, last_name, birth_date, role'],
    ],
  ])('rejects %s', (_name, names, errors) => {
    expect(mapHeader(names)).toEqual({ ok: false, errors });
  });
});

describe('cellsOf', () => {
  it.each([
    [
      'trims and leaves out empty cells',
      ['  R-1 ', 'Jan', '', '   '],
      { family_ref: 'R-1', first_name: 'Jan' },
    ],
    ['ignores cells a short record lacks', ['R-1'], { family_ref: 'R-1' }],
  ])('%s', (_name, record, cells) => {
    expect(cellsOf(record, { family_ref: 0, first_name: 1, last_name: 2, city: 3 })).toEqual(cells);
  });
});
