/**
 * A print batch as operators run it: BENCH_CARD_PRINT_CARDS active cards (default 100,000) in a fresh SQLite
 * database, printed by `cards:print` from the compiled CLI (`npm run bench` builds it first): the batch taken
 * (one UPDATE, one history row per card), cards read 500 at a time, each token signed with Ed25519, each sheet
 * rendered and written to a file. Baseline, in the same run: CardRenderer.streamPrintSheets on
 * the same number of faces made up in memory (no database, no signing).
 * Goal: peak RSS ≤ 400 MB for 100,000 cards (memory flat however many cards).
 */
import { CommandFactory } from 'nest-commander';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { v7 as timeOrderedUuid } from 'uuid';
import { fmt, recordResult } from './support/results';

const CARDS = Number(process.env.BENCH_CARD_PRINT_CARDS ?? 100_000);
const GOAL_RSS_MB = 400;

interface Printed {
  seconds: number;
  peak: number;
  output: string;
}

/**
 * The print run as operators run it, in a process of its own so that its peak RSS is the print run's alone:
 * `node dist/cli/main.js cards:print` (what `npm run cli` runs), the compiled service, no ts-node.
 */
function printWithCli(dir: string, file: string): Printed {
  const root = join(__dirname, '..');
  const t = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      '--require',
      join(__dirname, 'support', 'peak-rss.js'),
      join(root, 'dist', 'cli', 'main.js'),
      'cards:print',
      '--out',
      file,
    ],
    {
      env: { ...process.env, DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  const seconds = (performance.now() - t) / 1000;
  if (run.status !== 0) throw new Error(`cards:print failed: ${run.stderr}`);
  const { peakRssMb } = JSON.parse(run.stderr.trim().split('\n').pop()!) as { peakRssMb: number };
  return { seconds, peak: peakRssMb, output: run.stdout.trim() };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fc-bench-print-'));
  Object.assign(process.env, { DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', JOBS_ENABLED: 'false' });
  delete process.env.DATABASE_URL;
  try {
    // Imported after the environment is set: the engine is read when entities are decorated.
    const { CliModule } = await import('../src/cli/cli.module');
    const { SigningKeysService } = await import('../src/cards/keys/signing-keys.service');
    const { ProgrammesService } = await import('../src/programmes/programmes.service');
    const { generateCardNumber } = await import('../src/cards/card-number');
    const { CardRenderer, DEFAULT_TEMPLATE_DIR, loadCardTemplate } = await import('../src/cards/pdf');
    const { DataSource } = await import('typeorm');
    const app = await CommandFactory.createWithoutRunning(CliModule, { logger: ['error', 'warn'] });
    const dataSource = app.get(DataSource);
    const programme = await app.get(ProgrammesService).default();
    const key = await app.get(SigningKeysService).active();

    // The cards alone: families and members are not what printing reads, so their rows are left out.
    let t = performance.now();
    await dataSource.query('PRAGMA foreign_keys = OFF');
    const names = ['Łukasz Żółć', 'Győző Ödön', 'Ștefan Țurcanu', 'Десислава Стоянова', 'Иван Петров'];
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    // Random numbers can collide (the service draws again); the seeding skips repeats the same way.
    const numbers = new Set<string>();
    const freshNumber = (): string => {
      for (;;) {
        const number = generateCardNumber(programme.cardPrefix);
        if (numbers.has(number)) continue;
        numbers.add(number);
        return number;
      }
    };
    for (let done = 0; done < CARDS;) {
      const rows = Array.from({ length: Math.min(1000, CARDS - done) }, (_, i) => {
        const n = done + i;
        const name = names[n % names.length];
        return [
          timeOrderedUuid(),
          programme.id,
          timeOrderedUuid(),
          timeOrderedUuid(),
          freshNumber(),
          name,
          name.toLowerCase(),
          n % 3 ? 'child' : 'parent',
          '2026-11-23',
          n % 3 ? '2031-06-30' : null,
          key.id,
          now,
          now,
          now,
        ];
      });
      await dataSource.transaction((em) =>
        em.query(
          `INSERT INTO cards (id, programme_id, family_id, member_id, number, status, holder_name, search_name, role,
             valid_from, valid_until, signing_key_id, signed_at, created_at, updated_at)
           VALUES ${rows.map(() => "(?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(', ')}`,
          rows.flat(),
        ),
      );
      done += rows.length;
    }
    await dataSource.query('PRAGMA foreign_keys = ON');
    const seedSeconds = (performance.now() - t) / 1000;
    await app.close();
    const file = join(dir, 'batch.pdf');
    const { seconds: printSeconds, peak, output } = printWithCli(dir, file);
    const counted = /: (\d+) cards on (\d+) A4 sheets/.exec(output);
    if (Number(counted?.[1]) !== CARDS)
      throw new Error(`cards:print said "${output}", expected ${CARDS} cards`);
    const sheets = Number(counted![2]);
    const bytes = statSync(file).size;

    // Baseline: the renderer alone, the same number of cards, faces made up in memory.
    const renderer = new CardRenderer(loadCardTemplate(DEFAULT_TEMPLATE_DIR));
    async function* faces() {
      for (let n = 0; n < CARDS; n++)
        yield {
          programmeName: programme.name,
          holderName: names[n % names.length],
          cardNumber: 'FC 1234 5678 9012 8',
          role: 'child' as const,
          validUntil: '2031-06-30',
          qrText: `HTTP://LOCALHOST:3000/C/${'A'.repeat(260)}`,
          language: 'pl',
        };
    }
    t = performance.now();
    const sink = createWriteStream(join(dir, 'baseline.pdf'));
    await renderer.streamPrintSheets(faces(), sink);
    await finished(sink);
    const baselineSeconds = (performance.now() - t) / 1000;

    const goalMb = GOAL_RSS_MB;
    console.log(
      `\ncards:print, ${CARDS} cards (${sheets} A4 sheets, ${(bytes / 1e6).toFixed(1)} MB PDF), SQLite`,
    );
    console.log('| metric | seconds | cards/s | ratio to baseline |');
    console.log('|---|---:|---:|---:|');
    console.log(
      `| renderer alone, faces in memory (baseline) | ${baselineSeconds.toFixed(2)} | ${(CARDS / baselineSeconds).toFixed(0)} | 1.00 |`,
    );
    console.log(
      `| cards:print: start, take the batch, read 500 at a time, sign, render, write | ${printSeconds.toFixed(2)} | ${(CARDS / printSeconds).toFixed(0)} | ${(printSeconds / baselineSeconds).toFixed(2)} |`,
    );
    console.log(`seeding ${CARDS} cards: ${seedSeconds.toFixed(1)} s`);
    console.log(
      `peak RSS of the cards:print process: ${peak.toFixed(0)} MB — goal ≤ ${goalMb} MB: ${peak <= goalMb ? 'met' : 'NOT met'}` +
        (CARDS === 100_000 ? '' : ` (at ${CARDS} cards; the goal is set for 100,000)`),
    );
    recordResult({
      bench: 'card-print',
      engine: 'sqlite',
      metric: `cards:print peak RSS, ${fmt.n(CARDS)} cards`,
      value: fmt.mb(peak),
      goal: `≤ ${goalMb} MB`,
      met: peak <= goalMb,
    });
    recordResult({
      bench: 'card-print',
      engine: 'sqlite',
      metric: `cards:print, ${fmt.n(CARDS)} cards`,
      value: fmt.s(printSeconds),
      baseline: fmt.s(baselineSeconds),
      ratio: printSeconds / baselineSeconds,
      goal: '—',
      met: null,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
