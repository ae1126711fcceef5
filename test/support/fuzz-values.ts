import fc from 'fast-check';

/** One seed for every generated case, so a failing run is replayed exactly (FUZZ_SEED overrides it). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_807);

/** Hand-picked strings that have broken real parsers, databases and templates. */
export const NASTY_STRINGS: { label: string; value: string }[] = [
  { label: 'empty', value: '' },
  { label: 'blank', value: '   \t ' },
  { label: 'NUL byte', value: 'a\u0000b' },
  { label: 'lone high surrogate', value: 'x\ud800y' },
  { label: 'lone low surrogate', value: '\udc00' },
  { label: 'RTL override', value: '\u202eevil\u202c.pdf' },
  { label: 'RTL mark + zero width', value: '\u200f\u200b\ufeffname' },
  { label: 'emoji ZWJ family', value: '👨‍👩‍👧‍👦🏳️‍🌈' },
  { label: 'combining marks', value: 'Z̴̡̪͎̈́a̷̢̛l̶̰͝g̵͚̈o̸̙͑' },
  { label: 'SQL-ish', value: "' OR 1=1; DROP TABLE users; --" },
  { label: 'HTML', value: '<script>alert(1)</script>&amp;' },
  { label: 'template-ish', value: '{{7*7}} ${7*7} %s%n' },
  { label: 'control chars', value: '\u0001\u0007\u001b[31m\r\n' },
  { label: '100k characters', value: 'ż'.repeat(100_000) },
];

/** Values for numeric fields at the edges: JSON text, since 1e309 only exists as a literal. */
export const BOUNDARY_NUMBERS: { label: string; json: string; value?: number }[] = [
  { label: '-1', json: '-1', value: -1 },
  { label: '0', json: '0', value: 0 },
  { label: '1.5', json: '1.5', value: 1.5 },
  { label: '2^53+1', json: '9007199254740993', value: 2 ** 53 + 1 },
  { label: '1e309 (Infinity)', json: '1e309', value: Infinity },
  { label: '-1e309 (-Infinity)', json: '-1e309', value: -Infinity },
];

/** The same edges, as query-string text. */
export const BOUNDARY_QUERY = ['-1', '0', '9007199254740993', '1e309', 'NaN', '', '0x10', '1.5'];

/** Path-parameter values that are not ids: none names an existing row, none escapes the route. */
export const BAD_PATH_PARAMS: { label: string; value: string }[] = [
  { label: 'not a UUID', value: 'not-a-uuid' },
  { label: 'UUID with junk', value: '0190aaaa-0000-7000-8000-00000000000g' },
  { label: 'nil UUID', value: '00000000-0000-0000-0000-000000000000' },
  { label: 'traversal', value: '..%2F..%2F..%2Fetc%2Fpasswd' },
  { label: 'dot-dot', value: '%2E%2E' },
  { label: 'NUL', value: '%00' },
  { label: 'emoji', value: encodeURIComponent('👨‍👩‍👧') },
  { label: 'SQL-ish', value: encodeURIComponent("1' OR '1'='1") },
  { label: '600 characters', value: 'a'.repeat(600) },
  { label: 'malformed percent-encoding', value: '%E0%A4%A' },
  { label: 'lone surrogate (WTF-8)', value: '%ED%A0%80' },
];

/** Wrong JSON types for a schema type (null is handled apart: optional fields may accept it). */
export function wrongTypes(type: string | undefined): unknown[] {
  switch (type) {
    case 'string':
      return [12345, true, { a: 1 }, ['x']];
    case 'number':
    case 'integer':
      return ['NaN', '12', true, { a: 1 }, [1]];
    case 'boolean':
      return ['true', 1, 'yes', {}];
    case 'array':
      return ['x', { a: 1 }, 1];
    case 'object':
      return ['x', 1, [1], true];
    default:
      return [{ a: { b: [1] } }, [[]]];
  }
}

/** fast-check arbitrary for "anything a client might send" in one field. */
export const anyJsonField: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...NASTY_STRINGS.filter((n) => n.value.length < 1000).map((n) => n.value)),
  fc.integer(),
  fc.double(),
);

/** fast-check arbitrary for one query-string value (already text). */
export const anyQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(...BOUNDARY_QUERY),
  fc.integer().map(String),
  fc.double().map(String),
);

/** A deterministic sample of `n` values of `arb` for the case named `key` (same key, same values). */
export function sampleFor<T>(arb: fc.Arbitrary<T>, key: string, n: number): T[] {
  let h = FUZZ_SEED;
  for (const ch of key) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return fc.sample(arb, { seed: h, numRuns: n });
}
