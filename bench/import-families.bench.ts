/**
 * `import:families` on a realistic register: a generated CSV of BENCH_IMPORT_FAMILIES families (default 100,000:
 * one or two parents and 2-5 children each, ~450,000 members with valid PESELs matching their birth dates)
 * imported into a fresh SQLite database, BENCH_IMPORT_BATCH_SIZE families per transaction and BENCH_IMPORT_WORKERS
 * worker threads (both default to what the command does). Baseline, in the same run: csv-parse alone reading the
 * same file.
 * Goal: 100,000 families in at most 60 s.
 */
import { parse } from 'csv-parse';
import { CommandFactory } from 'nest-commander';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { peselFor } from '../src/families/national-id/pesel';
import { fmt, recordResult } from './support/results';

const FAMILIES = Number(process.env.BENCH_IMPORT_FAMILIES ?? 100_000);
const numberFrom = (name: string) =>
  process.env[name] === undefined ? undefined : Number(process.env[name]);
/** Families per transaction; the command's default unless set. */
const BATCH_SIZE = numberFrom('BENCH_IMPORT_BATCH_SIZE');
/** Worker threads; the command's default for the file (one per core beside the importing thread) unless set. */
const WORKERS = numberFrom('BENCH_IMPORT_WORKERS');
const GOAL_SECONDS = 60;
const GOAL_FAMILIES = 100_000;

/** mulberry32: a seeded generator, so every run imports the same register. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const FIRST = ['Jan', 'Anna', 'Piotr', 'Zofia', 'Michał', 'Łucja', 'Jędrzej', 'Małgorzata', 'Paweł', 'Ewa'];
const LAST = [
  'Kowalski',
  'Nowak',
  'Wiśniewski',
  'Wójcik',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Dąbrowski',
];
const HEADER =
  'family_ref,first_name,last_name,birth_date,role,national_id,street,postal_code,city,municipality_code,' +
  'email,phone,education_end,disability_until\n';

/** Writes the register; returns the number of members. Every PESEL is unique: a serial counter per birth date. */
function generate(path: string): number {
  const next = random(20_260_101);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const serials = new Map<string, number>();
  const person = (fromYear: number, toYear: number) => {
    const year = fromYear + Math.floor(next() * (toYear - fromYear + 1));
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const date = `${year}-${pad(month)}-${pad(day)}`;
    const serial = serials.get(date) ?? 0;
    serials.set(date, serial + 1);
    return { date, year, pesel: peselFor(date, serial) };
  };
  const fd = openSync(path, 'w');
  let buffer = HEADER;
  let members = 0;
  for (let f = 1; f <= FAMILIES; f++) {
    const ref = `REG-${pad(f, 7)}`;
    const last = pick(LAST);
    const family = `ul. Lipowa ${f % 200},20-${pad(f % 1000, 3)},Lublin,0663011,rodzina${f}@example.pl,+48 600 ${pad(f % 1000, 3)} 000`;
    const parents = next() < 0.7 ? 2 : 1;
    const r = next();
    const children = r < 0.45 ? 2 : r < 0.8 ? 3 : r < 0.93 ? 4 : 5;
    for (let p = 0; p < parents; p++) {
      const who = person(1970, 1995);
      buffer += `${ref},${pick(FIRST)},${last},${who.date},parent,${who.pesel},${p === 0 ? family : ',,,,,'},,\n`;
    }
    for (let c = 0; c < children; c++) {
      const who = person(2003, 2025);
      const education = who.year < 2008 && next() < 0.6 ? `${who.year + 21}-06-30` : '';
      const disability = next() < 0.03 ? `${2027 + Math.floor(next() * 5)}-12-31` : '';
      buffer += `${ref},${pick(FIRST)},${last},${who.date},child,${who.pesel},,,,,,,${education},${disability}\n`;
    }
    members += parents + children;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  return members;
}

/** The baseline: csv-parse streaming the same file, nothing else. */
async function parseOnly(path: string): Promise<number> {
  let records = 0;
  for await (const _record of createReadStream(path).pipe(parse({ relax_column_count: true }))) records++;
  return records;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fc-bench-import-'));
  Object.assign(process.env, { DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', JOBS_ENABLED: 'false' });
  delete process.env.DATABASE_URL;
  const file = join(dir, 'register.csv');
  try {
    let t = performance.now();
    const members = generate(file);
    const generateSeconds = (performance.now() - t) / 1000;

    // Imported after the environment is set: the engine is read when entities are decorated.
    const { CliModule } = await import('../src/cli/cli.module');
    const { FamilyImportService, DEFAULT_BATCH_SIZE } =
      await import('../src/families/import/family-import.service');
    t = performance.now();
    const app = await CommandFactory.createWithoutRunning(CliModule, { logger: ['error', 'warn'] });
    const startSeconds = (performance.now() - t) / 1000;
    let problems = 0;
    const summary = await app.get(FamilyImportService).importFile({
      file,
      batchSize: BATCH_SIZE,
      workers: WORKERS,
      onProblem: () => problems++,
    });
    await app.close();
    const peakRss = process.resourceUsage().maxRSS / 1024;

    t = performance.now();
    const records = await parseOnly(file);
    const parseSeconds = (performance.now() - t) / 1000;

    if (summary.imported.members !== members || problems > 0)
      throw new Error(`imported ${summary.imported.members} of ${members} members, ${problems} problems`);
    const goalSeconds = (GOAL_SECONDS * FAMILIES) / GOAL_FAMILIES;
    console.log(
      `\nimport:families, ${FAMILIES} families / ${members} members, ` +
        `${(statSync(file).size / 1e6).toFixed(1)} MB CSV (generated in ${generateSeconds.toFixed(1)} s), ` +
        `SQLite, ${BATCH_SIZE ?? DEFAULT_BATCH_SIZE} families per transaction, ` +
        `checked by ${summary.workers} worker thread(s) (${availableParallelism()} cores)`,
    );
    console.log('| metric | seconds | members/s | ratio to baseline |');
    console.log('|---|---:|---:|---:|');
    console.log(
      `| csv-parse alone, ${records} records (baseline) | ${parseSeconds.toFixed(2)} | ${(members / parseSeconds).toFixed(0)} | 1.00 |`,
    );
    console.log(
      `| import (read, validate, encrypt, decide, insert) | ${summary.seconds.toFixed(2)} | ` +
        `${(members / summary.seconds).toFixed(0)} | ${(summary.seconds / parseSeconds).toFixed(2)} |`,
    );
    console.log(
      `\nof the import: database (look-ups, inserts, commits) ${summary.databaseSeconds.toFixed(1)} s, ` +
        `the rest (reading, grouping, and validation, encryption, eligibility or waiting for the workers) ` +
        `${(summary.seconds - summary.databaseSeconds).toFixed(1)} s`,
    );
    console.log(`app start (migrations on a fresh database): ${startSeconds.toFixed(2)} s`);
    console.log(`batches committed: ${summary.batches}; families ended on import: ${summary.endedFamilies}`);
    console.log(`peak RSS: ${peakRss.toFixed(0)} MB`);
    console.log(
      `goal ≤ ${GOAL_SECONDS} s for ${GOAL_FAMILIES} families` +
        (FAMILIES === GOAL_FAMILIES ? '' : ` (scaled: ≤ ${goalSeconds.toFixed(1)} s for ${FAMILIES})`) +
        `: ${summary.seconds <= goalSeconds ? 'met' : 'NOT met'} (${summary.seconds.toFixed(1)} s)`,
    );
    recordResult({
      bench: 'import-families',
      engine: 'sqlite',
      metric: `import:families, ${fmt.n(FAMILIES)} families`,
      value: fmt.s(summary.seconds),
      baseline: fmt.s(parseSeconds),
      ratio: summary.seconds / parseSeconds,
      goal: `≤ ${goalSeconds.toFixed(1)} s`,
      met: summary.seconds <= goalSeconds,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
