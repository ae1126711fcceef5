/**
 * A print batch as operators run it: BENCH_CARD_PRINT_CARDS active cards (default 100,000) in a fresh SQLite
 * database, taken into a batch by CardPrintService.createBatch (one UPDATE, one history row per card) and
 * streamed as A4 sheets into a file by CardPrintService.stream: cards read 500 at a time, each token signed
 * with Ed25519, each sheet rendered and written. Baseline, in the same run: CardRenderer.streamPrintSheets on
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

const CARDS = Number(process.env.BENCH_CARD_PRINT_CARDS ?? 100_000);
const GOAL_RSS_MB = 400;
const mb = () => process.resourceUsage().maxRSS / 1024;

interface Printed {
  batchCards: number;
  cards: number;
  sheets: number;
  batchSeconds: number;
  printSeconds: number;
  rssBefore: number;
  peak: number;
  bytes: number;
}

/**
 * The print run in a process of its own, so that its peak RSS is the print run's and not the seeding's: the
 * app started as the CLI starts it, the batch taken, its sheets streamed into a file.
 */
function printInChild(dir: string): Printed {
  const run = spawnSync(process.execPath, [...process.execArgv, __filename], {
    env: { ...process.env, BENCH_CARD_PRINT_DIR: dir },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`print run failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Printed;
}

async function printPhase(dir: string): Promise<void> {
  Object.assign(process.env, { DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', JOBS_ENABLED: 'false' });
  const { CliModule } = await import('../src/cli/cli.module');
  const { CardPrintService } = await import('../src/cards/print/card-print.service');
  const { ProgrammesService } = await import('../src/programmes/programmes.service');
  const { systemActor } = await import('../src/auth/actor');
  const app = await CommandFactory.createWithoutRunning(CliModule, { logger: ['error', 'warn'] });
  const programme = await app.get(ProgrammesService).default();
  const rssBefore = mb();
  const print = app.get(CardPrintService);
  let t = performance.now();
  const batch = await print.createBatch(systemActor('bench'), programme.id);
  const batchSeconds = (performance.now() - t) / 1000;
  const file = join(dir, 'batch.pdf');
  t = performance.now();
  const out = createWriteStream(file);
  const { cards, sheets } = await print.stream(batch.id, out);
  await finished(out);
  const printSeconds = (performance.now() - t) / 1000;
  const peak = mb();
  await app.close();
  const result: Printed = {
    batchCards: batch.cards,
    cards,
    sheets,
    batchSeconds,
    printSeconds,
    rssBefore,
    peak,
    bytes: statSync(file).size,
  };
  console.log(JSON.stringify(result));
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
    const printed = printInChild(dir);
    if (printed.batchCards !== CARDS || printed.cards !== CARDS)
      throw new Error(`batch ${printed.batchCards}, printed ${printed.cards} of ${CARDS}`);
    const { batchSeconds, printSeconds, peak, rssBefore, bytes, sheets } = printed;

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
      `| print batch: read 500 at a time, sign, render, write | ${printSeconds.toFixed(2)} | ${(CARDS / printSeconds).toFixed(0)} | ${(printSeconds / baselineSeconds).toFixed(2)} |`,
    );
    console.log(`taking the batch (UPDATE + ${CARDS} history rows + audit): ${batchSeconds.toFixed(2)} s`);
    console.log(
      `seeding ${CARDS} cards: ${seedSeconds.toFixed(1)} s; the print run in its own process, RSS after start-up ${rssBefore.toFixed(0)} MB`,
    );
    console.log(
      `peak RSS through the print run: ${peak.toFixed(0)} MB — goal ≤ ${goalMb} MB: ${peak <= goalMb ? 'met' : 'NOT met'}` +
        (CARDS === 100_000 ? '' : ` (at ${CARDS} cards; the goal is set for 100,000)`),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const phase = process.env.BENCH_CARD_PRINT_DIR ? printPhase(process.env.BENCH_CARD_PRINT_DIR) : main();
phase.catch((error) => {
  console.error(error);
  process.exit(1);
});
