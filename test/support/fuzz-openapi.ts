import fc from 'fast-check';
import {
  anyJsonField,
  anyQueryValue,
  BAD_PATH_PARAMS,
  BOUNDARY_NUMBERS,
  BOUNDARY_QUERY,
  NASTY_STRINGS,
  sampleFor,
  wrongTypes,
} from './fuzz-values';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * `refuse`: the input is invalid by the documented contract, so the answer must be 4xx.
 * `survive`: the input may be acceptable (a search for an emoji is fine); the answer must not be 5xx.
 */
export type Expectation = 'refuse' | 'survive';

export interface FuzzCase {
  label: string;
  expect: Expectation;
  /** Path parameter values (already URL-encoded); missing ones use the caller's defaults. */
  params?: Record<string, string>;
  /** Raw query string without `?`. */
  query?: string;
  headers?: Record<string, string>;
  contentType?: string;
  body?: string | Buffer;
}

export const MAX_CASES = Number(process.env.FUZZ_CASES ?? 36);

export function resolve(doc: OpenApiDoc, schema: Schema | undefined, depth = 0): Schema {
  if (!schema) return {};
  if (schema.$ref && depth < 8) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(doc, doc.components.schemas[name], depth + 1);
  }
  if (schema.allOf?.length) return resolve(doc, schema.allOf[0], depth + 1);
  return schema;
}

/** A plausible value for a schema: the example if documented, else the simplest value of the right shape. */
export function sampleValue(doc: OpenApiDoc, raw: Schema | undefined, depth = 0): unknown {
  const schema = resolve(doc, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  const variant = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (variant) return sampleValue(doc, variant, depth + 1);
  switch (schema.type) {
    case 'string':
      return sampleString(schema);
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 ? [] : [sampleValue(doc, schema.items, depth + 1)];
    default: {
      if (depth > 4) return {};
      if (schema.properties) {
        return Object.fromEntries(
          Object.entries(schema.properties).map(([k, v]) => [k, sampleValue(doc, v, depth + 1)]),
        );
      }
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
        return { pl: sampleValue(doc, schema.additionalProperties, depth + 1) };
      return schema.type === 'object' ? {} : 'x';
    }
  }
}

function sampleString(schema: Schema): string {
  switch (schema.format) {
    case 'email':
      return 'fuzz@example.com';
    case 'uuid':
      return '0190aaaa-0000-7000-8000-0000000000f1';
    case 'date':
      return '2020-01-01';
    case 'date-time':
      return '2020-01-01T00:00:00.000Z';
    case 'uri':
      return 'https://example.com/';
    default:
      return 'f'.repeat(Math.max(schema.minLength ?? 1, 1));
  }
}

/** Whether a string is refused by the documented constraints alone (format, enum, length). */
function stringBreaksSchema(schema: Schema, value: string): boolean {
  // Refused everywhere by src/common/validation/nul-guard.ts.
  if (value.includes('\u0000')) return true;
  if (schema.enum) return !schema.enum.includes(value);
  if (['email', 'uuid', 'date', 'date-time', 'uri'].includes(schema.format ?? '')) return true;
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return true;
  if (schema.minLength !== undefined && value.length < schema.minLength) return true;
  return false;
}

function numberBreaksSchema(schema: Schema, value: number): boolean {
  if (!Number.isFinite(value)) return true;
  if (schema.type === 'integer' && !Number.isInteger(value)) return true;
  if (schema.minimum !== undefined && value < schema.minimum) return true;
  if (schema.maximum !== undefined && value > schema.maximum) return true;
  return false;
}

const NUL = NASTY_STRINGS.find((n) => n.value.includes('\u0000'))!;

/** Every text field gets the NUL case (PostgreSQL's blind spot) besides its rotating picks. */
export function withNul(picks: typeof NASTY_STRINGS): typeof NASTY_STRINGS {
  return [NUL, ...picks.filter((n) => n !== NUL)];
}

/** Takes from each list in turn so that a cap keeps every kind of case. */
export function interleave<T>(lists: T[][], cap: number): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < cap && lists.some((l) => i < l.length); i++)
    for (const l of lists) if (i < l.length && out.length < cap) out.push(l[i]);
  return out;
}

const json = (value: unknown) => JSON.stringify(value);
const JSON_TYPE = 'application/json';

/** Cases for a JSON request body described by `schemaRef`. */
export function jsonBodyCases(doc: OpenApiDoc, id: string, schemaRef: Schema): FuzzCase[][] {
  const schema = resolve(doc, schemaRef);
  const base = (sampleValue(doc, schema) ?? {}) as Record<string, unknown>;
  const props = Object.entries(schema.properties ?? {}).map(
    ([name, s]) => [name, resolve(doc, s)] as [string, Schema],
  );
  const required = schema.required ?? [];
  const needsFields = required.length > 0;
  const baseText = json(base);
  const with_ = (name: string, valueJson: string) =>
    json({ ...base, [name]: '\u0000MARK' }).replace('"\\u0000MARK"', valueJson);
  const body = (label: string, expect: Expectation, text: string | Buffer, contentType = JSON_TYPE) => ({
    label,
    expect,
    body: text,
    contentType,
  });

  const structural: FuzzCase[] = [
    body('truncated JSON', 'refuse', baseText.slice(0, Math.max(1, Math.floor(baseText.length / 2)))),
    body('JSON with unquoted keys', 'refuse', '{a: 1,}'),
    body('empty JSON body', 'refuse', ''),
    body('XML instead of JSON', 'refuse', '<a>1</a>', 'application/xml'),
    body('1.1 MB body', 'refuse', json({ ...base, padding: 'x'.repeat(1_100_000) })),
    body('unknown field', 'refuse', json({ ...base, zzUnknown: 1 })),
    body('unknown field isAdmin', 'refuse', json({ ...base, isAdmin: true })),
    body(
      '__proto__ pollution',
      'refuse',
      `{"__proto__":{"isAdmin":true},${baseText.slice(1)}`.replace(',}', '}'),
    ),
    body(
      'constructor pollution',
      'refuse',
      `{"constructor":{"prototype":{"x":1}},${baseText.slice(1)}`.replace(',}', '}'),
    ),
    body('array body', needsFields ? 'refuse' : 'survive', '[]'),
    body('array of the valid body', needsFields ? 'refuse' : 'survive', `[${baseText}]`),
    body('string body', needsFields ? 'refuse' : 'survive', '"just text"'),
    body('number body', needsFields ? 'refuse' : 'survive', '42'),
    body('null body', needsFields ? 'refuse' : 'survive', 'null'),
    body('valid body as text/plain', 'survive', baseText, 'text/plain'),
    body('valid body with a UTF-8 BOM', 'survive', `\ufeff${baseText}`),
    body('valid body declared UTF-16', 'survive', baseText, 'application/json; charset=utf-16'),
    body('duplicate keys', 'survive', baseText.replace(/^\{/, '{"zzDup":1,"zzDup":2,').replace(',}', '}')),
    // Recursion in the parser, class-transformer or class-validator must not overflow the stack.
    body(
      '5000-deep nesting in an unknown field',
      'refuse',
      with_('zzDeep', `${'['.repeat(5000)}${']'.repeat(5000)}`),
    ),
    ...(props[0]
      ? [
          body(
            `${props[0][0]}: 5000-deep object`,
            'refuse',
            with_(props[0][0], `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`),
          ),
        ]
      : []),
  ];
  const missing: FuzzCase[] = required.map((name) =>
    body(`missing required ${name}`, 'refuse', json({ ...base, [name]: undefined })),
  );
  if (needsFields) missing.unshift(body('empty object', 'refuse', '{}'));
  const wrong: FuzzCase[] = props.flatMap(([name, s], i) => {
    const types = wrongTypes(s.type ?? (s.properties ? 'object' : undefined));
    const out = [body(`${name}: wrong type`, 'refuse', with_(name, json(types[i % types.length])))];
    // null for an optional field may mean "clear it" where the column allows; it must never be a 500.
    out.push(body(`${name}: null`, required.includes(name) ? 'refuse' : 'survive', with_(name, 'null')));
    return out;
  });
  const edges: FuzzCase[] = props.flatMap(([name, s], i): FuzzCase[] => {
    if (s.type === 'string') {
      const picks = withNul([
        NASTY_STRINGS[i % NASTY_STRINGS.length],
        NASTY_STRINGS[(i + 7) % NASTY_STRINGS.length],
      ]);
      return picks.map((n) =>
        body(
          `${name}: ${n.label}`,
          stringBreaksSchema(s, n.value) ? 'refuse' : 'survive',
          with_(name, json(n.value)),
        ),
      );
    }
    if (s.type === 'number' || s.type === 'integer') {
      return BOUNDARY_NUMBERS.filter((_, k) => k % 2 === i % 2 || k >= 4).map((n) =>
        body(
          `${name}: ${n.label}`,
          numberBreaksSchema(s, n.value ?? NaN) ? 'refuse' : 'survive',
          with_(name, n.json),
        ),
      );
    }
    if (s.properties && !s.additionalProperties) {
      const inner = (base[name] ?? {}) as Record<string, unknown>;
      return [body(`${name}: unknown nested field`, 'refuse', with_(name, json({ ...inner, zzUnknown: 1 })))];
    }
    if (s.type === 'array' && s.items) {
      return [
        body(
          `${name}: 2000 items`,
          'survive',
          with_(name, json(Array(2000).fill(sampleValue(doc, s.items)))),
        ),
      ];
    }
    return [];
  });
  const names = props.map(([n]) => n);
  const generated: FuzzCase[] =
    names.length === 0
      ? []
      : sampleFor(
          fc.dictionary(fc.constantFrom(...names), anyJsonField, { minKeys: 1, maxKeys: 3 }),
          `${id} body`,
          6,
        ).map((changes, k) =>
          body(
            `generated #${k}: ${Object.keys(changes).join(',')}`,
            'survive',
            json({ ...base, ...changes }),
          ),
        );
  return [structural, missing, wrong, edges, generated];
}

/**
 * encodeURIComponent, except that a lone surrogate becomes its WTF-8 bytes (%ED%A0%80) instead of an
 * exception: that is what a careless client sends, and invalid UTF-8 in a URL is worth a case of its own.
 */
export function encodeLoose(text: string): string {
  return text.replace(/[\ud800-\udfff]|[^\ud800-\udfff]+/gu, (chunk) => {
    const code = chunk.charCodeAt(0);
    if (chunk.length > 1 || code < 0xd800 || code > 0xdfff) return encodeURIComponent(chunk);
    const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
    return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
  });
}

/** Cases for the query parameters of an operation. */
export function queryCases(id: string, params: Parameter[], strictUnknown: boolean): FuzzCase[][] {
  const query = (label: string, expect: Expectation, q: string): FuzzCase => ({ label, expect, query: q });
  const enc = encodeLoose;
  const typed: FuzzCase[] = params.flatMap((p, i): FuzzCase[] => {
    const s = p.schema ?? {};
    if (s.type === 'number' || s.type === 'integer')
      return [
        query(`?${p.name}=abc`, 'refuse', `${p.name}=abc`),
        query(
          `?${p.name}=${BOUNDARY_QUERY[i % BOUNDARY_QUERY.length]}`,
          'survive',
          `${p.name}=${enc(BOUNDARY_QUERY[i % BOUNDARY_QUERY.length])}`,
        ),
        query(`?${p.name}=1e309`, 'survive', `${p.name}=1e309`),
      ];
    if (s.type === 'boolean') return [query(`?${p.name}=maybe`, 'survive', `${p.name}=maybe`)];
    if (s.enum) return [query(`?${p.name}=not-in-enum`, 'refuse', `${p.name}=zz-not-in-enum`)];
    const nasty = withNul([
      NASTY_STRINGS[(i * 3) % NASTY_STRINGS.length],
      NASTY_STRINGS[(i * 3 + 5) % NASTY_STRINGS.length],
    ]);
    return nasty.map((n) =>
      query(
        `?${p.name}=${n.label}`,
        n.value.includes('\u0000') ? 'refuse' : 'survive',
        `${p.name}=${enc(n.value.length > 4000 ? 'x'.repeat(4000) : n.value)}`,
      ),
    );
  });
  const shapes: FuzzCase[] = params.length
    ? [
        query(`?${params[0].name} twice`, 'survive', `${params[0].name}=1&${params[0].name}=2`),
        query(`?${params[0].name}[a]=1`, 'survive', `${enc(`${params[0].name}[a]`)}=1`),
        query('?zzUnknown=1', strictUnknown ? 'refuse' : 'survive', 'zzUnknown=1'),
      ]
    : [];
  const generated = params.length
    ? sampleFor(
        fc.dictionary(fc.constantFrom(...params.map((p) => p.name)), anyQueryValue, {
          minKeys: 1,
          maxKeys: 3,
        }),
        `${id} query`,
        4,
      ).map((q, k) =>
        query(
          `generated query #${k}`,
          'survive',
          Object.entries(q)
            .map(([n, v]) => `${enc(n)}=${enc(v)}`)
            .join('&'),
        ),
      )
    : [];
  return [typed, shapes, generated];
}

/** Cases for path parameters: nothing that is not an id may reach a row. */
export function pathCases(params: Parameter[], refuses: (name: string) => boolean): FuzzCase[] {
  return params.flatMap((p, i) =>
    BAD_PATH_PARAMS.filter((_, k) => i === 0 || k % 2 === 1).map((v) => ({
      label: `{${p.name}} ${v.label}`,
      expect: refuses(p.name) ? ('refuse' as const) : ('survive' as const),
      params: { [p.name]: v.value },
    })),
  );
}

export function headerCases(params: Parameter[]): FuzzCase[] {
  return params
    .filter((p) => p.in === 'header' && p.name.toLowerCase() === 'accept-language')
    .flatMap(() => [
      {
        label: 'Accept-Language garbage',
        expect: 'survive' as const,
        headers: { 'Accept-Language': 'zz-ZZ;q=abc, *;q=-1, ' + 'x'.repeat(2000) },
      },
      {
        label: 'Accept-Language control chars',
        expect: 'survive' as const,
        headers: { 'Accept-Language': ';;;,,,q=,=' },
      },
    ]);
}
