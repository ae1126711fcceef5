/**
 * A national card register made up for benchmarks, written straight into the tables (not through services)
 * in big multi-row batches: families with their members and one card per member, in the mix of a large-family
 * programme. Rows are what the services would have written: active families, eligible members with birth
 * dates and (encrypted-looking) national IDs, cards with canonical numbers (prefix, 12 digits, Luhn), the
 * programme's signing key, validity dates that the check path reads, a few percent suspended, revoked,
 * replaced or expired. Card events are left out: no check or redemption reads them.
 */
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { QueryRunner } from 'typeorm';

export type Value = string | number | boolean | null;

export interface Batch {
  families: Value[][];
  members: Value[][];
  cards: Value[][];
}

export const COLUMNS: Record<keyof Batch, string[]> = {
  families: [
    'id',
    'programme_id',
    'status',
    'street',
    'postal_code',
    'city',
    'municipality_code',
    'email',
    'phone',
    'created_at',
    'updated_at',
  ],
  members: [
    'id',
    'family_id',
    'status',
    'eligible',
    'eligible_until',
    'first_name',
    'last_name',
    'birth_date',
    'role',
    'national_id_format',
    'national_id_cipher',
    'national_id_index',
    'disability_permanent',
    'parental_authority',
    'created_at',
    'updated_at',
  ],
  cards: [
    'id',
    'programme_id',
    'family_id',
    'member_id',
    'number',
    'status',
    'holder_name',
    'search_name',
    'role',
    'valid_from',
    'valid_until',
    'signing_key_id',
    'signed_at',
    'status_reason',
    'printed_at',
    'created_at',
    'updated_at',
  ],
};

export interface RegisterOptions {
  engine: 'sqlite' | 'postgres';
  /** Stop after this many cards… */
  cards: number;
  /** …or after this many families, whichever comes first. */
  families?: number;
  /**
   * Share of the members other than the first parent (the applicant) who hold a card (default 1): cards are
   * issued on request, so a national register has fewer cards than members.
   */
  cardShare?: number;
  /** How many active, valid cards to note (evenly spread over the register) for the benchmark to scan. */
  sample: number;
  programmeId: string;
  signingKeyId: string;
  cardPrefix: string;
  /** The programme's calendar day today. */
  today: string;
  fold: (text: string) => string;
  luhnCheckDigit: (digits: string) => number;
}

/** Family shapes (roles of the members, each with a card) with their share of families. */
const SHAPES: [roles: string[], weight: number][] = [
  // Parents who had three or more children keep their cards for life once the children have left.
  [['parent', 'parent'], 50],
  [['parent', 'parent', 'child', 'child', 'child'], 28],
  [['parent', 'parent', 'child', 'child', 'child', 'child'], 10],
  [['parent', 'child', 'child', 'child'], 5],
  [['parent', 'parent', 'child', 'child', 'child', 'child', 'child'], 4],
  [['parent', 'parent', 'child', 'child', 'foster_child'], 3],
];
const FEMALE = ['Małgorzata', 'Agnieszka', 'Joanna', 'Ewa', 'Katarzyna', 'Żaneta', 'Zofia', 'Łucja', 'Anna'];
const MALE = [
  'Łukasz',
  'Grzegorz',
  'Paweł',
  'Zbigniew',
  'Piotr',
  'Tomasz',
  'Jędrzej',
  'Michał',
  'Bartłomiej',
];
const SURNAMES = [
  'Wiśniewski',
  'Wójcik',
  'Kowalczyk',
  'Kamiński',
  'Zieliński',
  'Szymański',
  'Woźniak',
  'Dąbrowski',
  'Żółkiewski',
  'Nowak',
  'Lewandowski',
  'Grabowski',
];
const CITIES: [city: string, postal: string, municipality: string][] = [
  ['Warszawa', '00', '146501'],
  ['Kraków', '30', '126101'],
  ['Łódź', '90', '106101'],
  ['Wrocław', '50', '026401'],
  ['Poznań', '60', '306401'],
  ['Gdańsk', '80', '226101'],
  ['Lublin', '20', '066301'],
  ['Białystok', '15', '206101'],
];
const STREETS = ['ul. Długa', 'ul. Ogrodowa', 'ul. Źródlana', 'ul. Kościuszki', 'al. Jana Pawła II'];
/** Card states beyond `active`, with their share of cards (per mille). */
const OTHER_STATES: [status: string, perMille: number, reason: string | null][] = [
  ['suspended', 10, null],
  ['revoked', 8, 'other'],
  ['replaced', 7, 'lost'],
  ['expired', 5, null],
];
const DAY = 86_400_000;

/**
 * Mulberry32: the same register, catalogue and history on every run and on both engines (ids and dates follow
 * the clock).
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Time-ordered ids in the UUIDv7 layout: one millisecond timestamp for the run and a counter in the last 48
 * bits (RFC 9562 allows a counter in the random bits). Ordered like the app's own ids, so primary keys are
 * appended, and five times cheaper than drawing random bits for ten million rows.
 */
export function idSource(): () => string {
  const time = Date.now().toString(16).padStart(12, '0');
  const random = randomBytes(4).toString('hex');
  const middle = `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-${'89ab'[random.charCodeAt(3) % 4]}${random.slice(4, 7)}`;
  let counter = 0;
  return () => `${middle}-${(counter++).toString(16).padStart(12, '0')}`;
}

// Ten million rows format a few thousand distinct days: each is formatted once.
const DAYS = new Map<number, string>();
const isoDay = (ms: number) => {
  const day = Math.floor(ms / DAY);
  let text = DAYS.get(day);
  if (text === undefined) DAYS.set(day, (text = new Date(day * DAY).toISOString().slice(0, 10)));
  return text;
};
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The day before the `years`-th birthday (29 February → 28 February in common years, as the app counts). */
function dayBeforeBirthday(birth: string, years: number): string {
  const year = Number(birth.slice(0, 4)) + years;
  const month = Number(birth.slice(5, 7));
  const day = Math.min(Number(birth.slice(8, 10)), new Date(Date.UTC(year, month, 0)).getUTCDate());
  return isoDay(Date.UTC(year, month - 1, day) - DAY);
}

/**
 * The register in batches of about `batchCards` cards (whole families). Numbers are 12 digits from a
 * bijection of the card's position (so unique without a lookup, yet spread over the whole range like random
 * ones) plus the Luhn digit. `sampled` receives the numbers of evenly spread active, valid cards.
 */
export function* registerBatches(
  options: RegisterOptions,
  sampled: string[],
  batchCards = 20_000,
): Generator<Batch> {
  if (options.cards > 9_000_000) throw new Error('card numbers are computed exactly up to 9,000,000 cards');
  const random = prng(20_261_123);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const totalWeight = SHAPES.reduce((sum, [, w]) => sum + w, 0);
  const shape = () => {
    let x = random() * totalWeight;
    for (const [roles, w] of SHAPES) if ((x -= w) < 0) return roles;
    return SHAPES[0][0];
  };
  const nextId = idSource();
  const timestamp =
    options.engine === 'sqlite'
      ? (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '')
      : (ms: number) => new Date(ms).toISOString();
  const bool = options.engine === 'sqlite' ? (b: boolean) => (b ? 1 : 0) : (b: boolean) => b;
  const folded = new Map<string, string>();
  const fold = (name: string) => {
    let f = folded.get(name);
    if (f === undefined) folded.set(name, (f = options.fold(name)));
    return f;
  };
  const todayMs = dayMs(options.today);
  const stride = Math.max(1, Math.floor(options.cards / Math.max(1, options.sample)));
  // National IDs are never stored in clear: a ciphertext ("v1." + base64url of IV, body and tag) and a keyed
  // blind index, both made up here with the real lengths.
  let entropy = randomBytes(0);
  let used = 0;
  const bytes = (n: number) => {
    if (used + n > entropy.length) [entropy, used] = [randomBytes(1 << 20), 0];
    return entropy.subarray(used, (used += n));
  };

  let batch: Batch = { families: [], members: [], cards: [] };
  let position = 0;
  let family = 0;
  const familyLimit = options.families ?? Infinity;
  const cardShare = options.cardShare ?? 1;
  while (position < options.cards && family < familyLimit) {
    const familyId = nextId();
    const surname = pick(SURNAMES);
    const [city, postal, municipality] = pick(CITIES);
    // Issued over the programme's first years; a family's cards were issued together.
    const issuedMs = todayMs - int(30, 7 * 365) * DAY;
    const issued = timestamp(issuedMs + int(8, 16) * 3_600_000);
    const printed = timestamp(issuedMs + 7 * DAY);
    batch.families.push([
      familyId,
      options.programmeId,
      'active',
      `${pick(STREETS)} ${int(1, 200)}/${int(1, 60)}`,
      `${postal}-${String(int(0, 999)).padStart(3, '0')}`,
      city,
      municipality,
      `rodzina${++family}@poczta.example.pl`,
      `+48 ${int(500, 799)} ${int(100, 999)} ${int(100, 999)}`,
      issued,
      issued,
    ]);
    const roles = shape();
    const parentYear = int(1965, 1995);
    for (const [k, role] of roles.entries()) {
      if (position >= options.cards) break;
      const memberId = nextId();
      const adult = role === 'parent';
      // The first parent is the mother, the second the father; children either.
      const female = adult ? k === 0 : random() < 0.5;
      const first = pick(female ? FEMALE : MALE);
      // Children are 1 to 16 today, so their cards (until the day before the 18th birthday) run a year more.
      const birthMs = adult
        ? Date.UTC(parentYear + int(-3, 3), int(0, 11), int(1, 28))
        : todayMs - int(365, 16 * 365) * DAY;
      const birth = isoDay(birthMs);
      const lastName = female && surname.endsWith('ski') ? `${surname.slice(0, -1)}a` : surname;
      let validUntil: string | null = adult ? null : dayBeforeBirthday(birth, 18);
      const validFrom = isoDay(Math.max(issuedMs, birthMs));
      let status = 'active';
      let reason: string | null = null;
      let x = random() * 1000;
      for (const [s, perMille, r] of OTHER_STATES)
        if ((x -= perMille) < 0) {
          [status, reason] = [s, r];
          break;
        }
      if (status === 'expired') validUntil = isoDay(todayMs - int(1, 300) * DAY);
      const carded = k === 0 || cardShare >= 1 || random() < cardShare;
      const digits = String((position * 982_451_653 + 271_828_182) % 1e12).padStart(12, '0');
      const number = `${options.cardPrefix}${digits}${options.luhnCheckDigit(digits)}`;
      if (
        carded &&
        status === 'active' &&
        sampled.length < options.sample &&
        position >= sampled.length * stride
      )
        sampled.push(number);
      const holder = `${first} ${lastName}`;
      batch.members.push([
        memberId,
        familyId,
        'active',
        bool(status !== 'expired'),
        validUntil,
        first,
        lastName,
        birth,
        role,
        'PESEL',
        `v1.${bytes(39).toString('base64url')}`,
        bytes(32).toString('hex'),
        bool(false),
        adult ? bool(true) : null,
        issued,
        issued,
      ]);
      if (!carded) continue;
      batch.cards.push([
        nextId(),
        options.programmeId,
        familyId,
        memberId,
        number,
        status,
        holder,
        fold(holder),
        role,
        validFrom,
        validUntil,
        options.signingKeyId,
        issued,
        reason,
        printed,
        issued,
        issued,
      ]);
      position++;
    }
    if (batch.cards.length >= batchCards) {
      yield batch;
      batch = { families: [], members: [], cards: [] };
    }
  }
  if (batch.cards.length) yield batch;
}

/** Where the batches go: an engine's bulk insert, with secondary indexes dropped before and built after. */
export interface BulkWriter {
  /** Drops the tables' secondary indexes (built again, sorted, by `finish`: far faster than inserting). */
  begin(tables: string[]): Promise<void>;
  write(batch: Batch): Promise<void>;
  /** Rows of any other table named in `begin` (e.g. a year of checks), in the table's column order given. */
  writeRows(table: string, columns: string[], rows: Value[][]): Promise<void>;
  /** Builds the indexes again and refreshes the planner's statistics. */
  finish(): Promise<void>;
}

/** better-sqlite3 multi-row INSERTs, one transaction per batch; foreign keys right by construction. */
export function sqliteWriter(db: Database.Database): BulkWriter {
  const statements = new Map<string, Database.Statement>();
  const statement = (table: string, columns: string[], rows: number) => {
    const key = `${table}:${rows}`;
    let s = statements.get(key);
    if (!s) {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      s = db.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}`,
      );
      statements.set(key, s);
    }
    return s;
  };
  const insert = (table: string, rows: Value[][], columns = COLUMNS[table as keyof Batch]) => {
    const chunk = Math.floor(32_000 / columns.length);
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      statement(table, columns, part.length).run(part.flat());
    }
  };
  const writeRows = db.transaction((table: string, columns: string[], rows: Value[][]) =>
    insert(table, rows, columns),
  );
  const writeBatch = db.transaction((batch: Batch) => {
    insert('families', batch.families);
    insert('members', batch.members);
    insert('cards', batch.cards);
  });
  let indexes: { name: string; sql: string }[] = [];
  return {
    async begin(tables) {
      // The rows reference each other correctly by construction; checking each foreign key costs lookups.
      db.pragma('foreign_keys = OFF');
      // A big page cache for the index builds; the app's own connection sets its own size when it opens.
      db.pragma('cache_size = -1000000');
      indexes = db
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
             AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
        )
        .all(...tables) as { name: string; sql: string }[];
      for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
    },
    async write(batch) {
      writeBatch(batch);
    },
    async writeRows(table, columns, rows) {
      writeRows(table, columns, rows);
    },
    async finish() {
      for (const { sql } of indexes) db.exec(sql);
      db.pragma('foreign_keys = ON');
      // Statistics from a sample of each index (as `PRAGMA optimize` takes them): minutes less on ten
      // million rows, and the planner's choices here do not depend on exact counts.
      db.pragma('analysis_limit = 1000');
      db.exec('ANALYZE');
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}

/**
 * PostgreSQL: one `INSERT … SELECT * FROM unnest($1::uuid[], …)` per table and batch (a handful of array
 * parameters instead of tens of thousands of scalars), on one session with foreign-key triggers off when the
 * role may do that, and asynchronous commit.
 */
export function postgresWriter(runner: QueryRunner): BulkWriter {
  const types = new Map<string, string>();
  const insert = async (table: string, rows: Value[][], columns = COLUMNS[table as keyof Batch]) => {
    const arrays = columns.map((_, c) => rows.map((row) => row[c]));
    const casts = columns.map((column, c) => `$${c + 1}::${types.get(`${table}.${column}`)}[]`);
    await runner.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`,
      arrays,
    );
  };
  let indexes: { indexname: string; indexdef: string }[] = [];
  let tables: string[] = [];
  return {
    async begin(names) {
      tables = names;
      await runner.query('SET synchronous_commit = off');
      await runner.query("SET maintenance_work_mem = '1GB'");
      try {
        // Superusers only: skips the per-row foreign-key triggers (the rows are right by construction).
        await runner.query('SET session_replication_role = replica');
      } catch {
        // Not allowed: the foreign keys are checked row by row, which is slower but the same data.
      }
      for (const row of (await runner.query(
        `SELECT table_name, column_name, udt_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = ANY($1)`,
        [tables],
      )) as { table_name: string; column_name: string; udt_name: string }[])
        types.set(`${row.table_name}.${row.column_name}`, row.udt_name);
      indexes = await runner.query(
        `SELECT indexname, indexdef FROM pg_indexes i
          WHERE schemaname = current_schema() AND tablename = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
        [tables],
      );
      for (const { indexname } of indexes) await runner.query(`DROP INDEX "${indexname}"`);
    },
    async write(batch) {
      await insert('families', batch.families);
      await insert('members', batch.members);
      await insert('cards', batch.cards);
    },
    async writeRows(table, columns, rows) {
      await insert(table, rows, columns);
    },
    async finish() {
      for (const { indexdef } of indexes) await runner.query(indexdef);
      await runner.query('SET session_replication_role = DEFAULT').catch(() => undefined);
      // VACUUM sets the visibility map and hint bits as autovacuum would have by then; ANALYZE, statistics.
      await runner.query(`VACUUM (ANALYZE) ${tables.map((t) => `"${t}"`).join(', ')}`);
    },
  };
}
