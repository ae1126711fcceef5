/**
 * Card PDFs from the default template (src/cards/pdf). Single cards: CardRenderer.renderCards([face]) one after
 * another for BENCH_CARD_PDF_SECONDS (default 3) after a warm-up, against a naive baseline measured in the same
 * run on the same faces: the same card drawn by the same code, but with the QR rendered to a PNG by
 * QRCode.toBuffer and embedded as an image, and the fonts given to pdfkit as files, so every document parses
 * and subsets them from scratch. Print run: BENCH_CARD_PDF_CARDS cards (default 100,000) through
 * streamPrintSheets into a file, faces generated lazily; measured first, so the peak RSS is its own. Also
 * CardRenderPool, the renderer on one worker thread per core, with two requests per thread in flight.
 * Goals: ≥ 400 single-card PDFs/s in one process, ≥ 5× the baseline (one thread against one thread),
 * ≤ 400 MB peak RSS for 100,000 cards.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { base32 } from 'rfc4648';
import { MEMBER_ROLES } from '../src/programmes/eligibility/eligibility.types';
import { CardFace, CardRenderer, CardRenderPool, ID1, loadCardTemplate } from '../src/cards/pdf';
import { CardArt, cardArt, drawFace, mm } from '../src/cards/pdf/card-drawing';
import { fmt, recordResult } from './support/results';

const PRINT_CARDS = Number(process.env.BENCH_CARD_PDF_CARDS ?? 100_000);
const SECONDS = Number(process.env.BENCH_CARD_PDF_SECONDS ?? 3);
const GOAL_PER_SECOND = 400;
const GOAL_RATIO = 5;
const GOAL_RSS_MB = 400;

const FIRST = [
  ['Łukasz', 'pl'],
  ['Małgorzata', 'pl'],
  ['Győző', 'hu'],
  ['Ștefan', 'ro'],
  ['Десислава', 'bg'],
  ['Иван', 'ru'],
  ['Jan', 'en'],
];
const SYLLABLES = [
  'ko',
  'wal',
  'ski',
  'no',
  'wak',
  'dą',
  'brow',
  'żół',
  'ść',
  'wi',
  'śnie',
  'wska',
  'lew',
  'an',
  'dow',
];
/** One of 3,375 made-up surnames: a real print run has many names, and the caches of shaped words must cope. */
const surname = (i: number) =>
  [i % 15, Math.floor(i / 15) % 15, Math.floor(i / 225) % 15]
    .map((s, k) => (k === 0 ? SYLLABLES[s][0].toUpperCase() + SYLLABLES[s].slice(1) : SYLLABLES[s]))
    .join('');

/** Face number i: names, languages, roles and dates vary; the QR holds ~170 bytes of token as in production. */
function faceFor(i: number): CardFace {
  const [first, language] = FIRST[i % FIRST.length];
  const token = Buffer.concat(
    [0, 1, 2, 3, 4, 5].map((k) => createHash('sha256').update(`${i}/${k}`).digest()),
  );
  const digits = String(100_000_000_000 + i * 7919).slice(-12);
  return {
    programmeName: 'Karta Dużej Rodziny',
    holderName: `${first} ${surname(i * 7)}`,
    cardNumber: `KDR ${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)} ${i % 10}`,
    role: MEMBER_ROLES[i % MEMBER_ROLES.length],
    validUntil: i % 3 === 0 ? null : `20${30 + (i % 9)}-0${1 + (i % 9)}-1${i % 10}`,
    qrText: `HTTPS://KARTA.EXAMPLE.PL/C/${base32.stringify(token.subarray(0, 170), { pad: false })}`,
    language,
  };
}

async function* printRunFaces(count: number): AsyncGenerator<CardFace> {
  for (let i = 0; i < count; i++) yield faceFor(i);
}

const toBuffer = (doc: PDFKit.PDFDocument): Promise<Buffer> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });

/** The baseline: QR as a PNG image, fonts registered as files per document (parsed and subset anew each time). */
function naiveRenderer(art: CardArt) {
  const ttf = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const registered = {
    regular: { family: 'DejaVuSans', source: 'DejaVuSans' },
    bold: { family: 'DejaVuSans-Bold', source: 'DejaVuSans-Bold' },
  };
  const { qr } = art.template;
  return async (face: CardFace): Promise<Buffer> => {
    const png = await QRCode.toBuffer(face.qrText, { errorCorrectionLevel: 'M' });
    const doc = new PDFDocument({ size: [mm(ID1.width), mm(ID1.height)], margin: 0 });
    doc.registerFont('DejaVuSans', join(ttf, 'DejaVuSans.ttf'));
    doc.registerFont('DejaVuSans-Bold', join(ttf, 'DejaVuSans-Bold.ttf'));
    drawFace(doc, face, { ...art, fonts: registered });
    doc.image(png, mm(qr.x), mm(qr.y), { width: mm(qr.size) });
    return toBuffer(doc);
  };
}

/**
 * Single-card PDFs per second, `inFlight` requests at a time: a warm-up of at least a second and 200 cards per
 * request loop (worker threads start and compile first), then as many as fit in SECONDS.
 */
async function perSecond(render: (face: CardFace) => Promise<Buffer>, inFlight = 1) {
  let next = 0;
  const loop = async (until: number, atLeast: number) => {
    let cards = 0;
    let bytes = 0;
    while (performance.now() < until || cards < atLeast) {
      bytes += (await render(faceFor(next++))).length;
      cards++;
    }
    return { cards, bytes };
  };
  const all = async (ms: number, atLeast: number) =>
    Promise.all(Array.from({ length: inFlight }, () => loop(performance.now() + ms, atLeast)));
  await all(1000, 200);
  const start = performance.now();
  const loops = await all(SECONDS * 1000, 0);
  const seconds = (performance.now() - start) / 1000;
  const cards = loops.reduce((sum, l) => sum + l.cards, 0);
  const bytes = loops.reduce((sum, l) => sum + l.bytes, 0);
  return { rate: cards / seconds, averageKb: bytes / cards / 1024 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fc-bench-cards-'));
  const file = join(dir, 'print-run.pdf');
  try {
    const template = loadCardTemplate();
    const renderer = new CardRenderer(template);

    const start = performance.now();
    const run = await renderer.streamPrintSheets(printRunFaces(PRINT_CARDS), createWriteStream(file));
    const printSeconds = (performance.now() - start) / 1000;
    const peakRss = process.resourceUsage().maxRSS / 1024;

    const naive = await perSecond(naiveRenderer(cardArt(template)));
    const fast = await perSecond((face) => renderer.renderCards([face]));
    const ratio = fast.rate / naive.rate;
    const threads = availableParallelism();
    const pool = new CardRenderPool(template, threads);
    const pooled = await perSecond((face) => pool.renderCards([face]), 2 * threads);
    await pool.close();
    const best = Math.max(fast.rate, pooled.rate);

    console.log(
      `\ncard PDFs, default template, ID-1 pages; QR ~300 alphanumeric characters (version 10-M); ` +
        `Node ${process.version}, ${threads} cores`,
    );
    console.log('| single-card PDFs | cards/s | KB per PDF | ratio to baseline |');
    console.log('|---|---:|---:|---:|');
    console.log(
      `| naive: QR as PNG (QRCode.toBuffer), fonts from files per document (baseline) | ` +
        `${naive.rate.toFixed(0)} | ${naive.averageKb.toFixed(1)} | 1.00 |`,
    );
    console.log(
      `| CardRenderer: QR as vector runs, fonts parsed once, byte-copy subsets | ` +
        `${fast.rate.toFixed(0)} | ${fast.averageKb.toFixed(1)} | ${ratio.toFixed(2)} |`,
    );
    console.log(
      `| CardRenderPool: the same on ${threads} worker threads, ${2 * threads} requests in flight | ` +
        `${pooled.rate.toFixed(0)} | ${pooled.averageKb.toFixed(1)} | ${(pooled.rate / naive.rate).toFixed(2)} |`,
    );
    console.log(
      `\nprint run: ${run.cards} cards on ${run.sheets} A4 sheets in ${printSeconds.toFixed(1)} s ` +
        `(${(run.cards / printSeconds).toFixed(0)} cards/s), ${(statSync(file).size / 1e6).toFixed(1)} MB PDF, ` +
        `peak RSS ${peakRss.toFixed(0)} MB`,
    );
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(
      `goal ≥ ${GOAL_PER_SECOND} single-card PDFs/s in one process: ${met(best >= GOAL_PER_SECOND)} ` +
        `(one thread ${fast.rate.toFixed(0)}/s, ${threads} threads ${pooled.rate.toFixed(0)}/s)`,
    );
    console.log(
      `goal ≥ ${GOAL_RATIO}× the naive baseline: ${met(ratio >= GOAL_RATIO)} (${ratio.toFixed(2)}×)`,
    );
    console.log(
      `goal peak RSS ≤ ${GOAL_RSS_MB} MB for 100,000 cards` +
        (PRINT_CARDS === 100_000 ? '' : ` (run: ${PRINT_CARDS} cards)`) +
        `: ${met(peakRss <= GOAL_RSS_MB)} (${peakRss.toFixed(0)} MB)`,
    );
    const bench = 'card-pdf';
    recordResult({
      bench,
      metric: 'single-card PDFs/s (best of 1 thread and the pool)',
      value: fmt.perSecond(best),
      baseline: fmt.perSecond(naive.rate),
      ratio: best / naive.rate,
      goal: `≥ ${GOAL_PER_SECOND}/s`,
      met: best >= GOAL_PER_SECOND,
    });
    recordResult({
      bench,
      metric: 'single-card PDFs/s, one thread vs naive',
      value: fmt.perSecond(fast.rate),
      baseline: fmt.perSecond(naive.rate),
      ratio,
      goal: `≥ ${GOAL_RATIO}× baseline`,
      met: ratio >= GOAL_RATIO,
    });
    recordResult({
      bench,
      metric: `print run peak RSS, ${fmt.n(PRINT_CARDS)} cards`,
      value: fmt.mb(peakRss),
      goal: `≤ ${GOAL_RSS_MB} MB`,
      met: peakRss <= GOAL_RSS_MB,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
