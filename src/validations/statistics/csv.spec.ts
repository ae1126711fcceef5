import { parse } from 'csv-parse/sync';
import { csvCell, csvDocument, csvFileName, csvLine, CsvValue } from './csv';

describe('csvCell', () => {
  it.each<[CsvValue, string]>([
    ['plain', 'plain'],
    ['Łódź Kaliska – Żółć', 'Łódź Kaliska – Żółć'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [0, '0'],
    [1234, '1234'],
    [-5, '-5'], // a number is data, not a formula
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=SUM(A1:A3)', `"'=SUM(A1:A3)"`],
    ['+48 600 100 200', `"'+48 600 100 200"`],
    ['-10% off', `"'-10% off"`],
    ['@SUM(1)', `"'@SUM(1)"`],
    ['\tTAB', `"'\tTAB"`],
    ['\rCR', `"'\rCR"`],
    ['=HYPERLINK("http://x";"y")', `"'=HYPERLINK(""http://x"";""y"")"`],
    ['a=b', 'a=b'], // only a leading sign makes a formula
    ['−10% (U+2212)', '−10% (U+2212)'],
    [' leading space', ' leading space'],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('refuses NaN and infinities', () => {
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
    expect(() => csvCell(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('csvLine and csvDocument', () => {
  it('joins with the delimiter', () => {
    expect(csvLine(['a', 1, null, 'b;c'])).toBe('a,1,,"b;c"');
    expect(csvLine(['a', 1, null, 'b,c'], ';')).toBe('a;1;;"b,c"');
  });

  it.each([',', ';'] as const)(
    'round-trips through csv-parse with %j, BOM first, CRLF line ends',
    (delimiter) => {
      const rows: CsvValue[][] = [
        ['date', 'outlet', 'offer', 'checks'],
        ['2026-03-29', 'Kino "Zamek"; Łódź', '=1+1', 3],
        ['2026-03-30', 'two\nlines, here', null, 0],
      ];
      const text = csvDocument(rows, delimiter);
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      const parsed = parse(text, { bom: true, delimiter }) as string[][];
      expect(parsed).toEqual([
        ['date', 'outlet', 'offer', 'checks'],
        ['2026-03-29', 'Kino "Zamek"; Łódź', "'=1+1", '3'],
        ['2026-03-30', 'two\nlines, here', '', '0'],
      ]);
    },
  );
});

describe('csvFileName', () => {
  it.each([
    ['Kino Zamek', 'kino-zamek'],
    ['Żółć & Łódź "Café"', 'zolc-lodz-cafe'],
    ['../../etc/passwd', 'etc-passwd'],
    ['"; filename=evil.exe', 'filename-evil-exe'],
    ['!!!', 'partner'],
    ['A'.repeat(60), 'a'.repeat(40)],
  ])('%j → statistics-%s-…', (name, slug) => {
    const file = csvFileName('statistics', name, '2026-03-01', '2026-03-31');
    expect(file).toBe(`statistics-${slug}-2026-03-01-2026-03-31.csv`);
    expect(file).toMatch(/^[a-z0-9-]+\.csv$/);
  });
});
