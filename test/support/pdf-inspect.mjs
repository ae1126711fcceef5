#!/usr/bin/env node
// Reads a PDF the way a viewer does and prints what the tests check, as JSON on stdout:
//   node test/support/pdf-inspect.mjs file.pdf [--dpi 200] [--qr PAGE:X,Y,W,H]... [--pixel PAGE:X,Y]...
// pages: each page's size in points and its text (pdf.js text items); qr: the text jsQR decodes from the
// region (mm from the page's top-left corner) of the page rendered at --dpi (default 200), or null;
// pixel: the darkest grey level (0 black - 255 white) within one pixel of a point (mm), so a hairline
// counts as dark wherever anti-aliasing put it. PAGE counts from 1.
// It is a separate ESM process because pdfjs-dist ships only ES modules and jest runs CommonJS.
import jsQR from 'jsqr';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const PDFJS = dirname(require.resolve('pdfjs-dist/package.json'));
const PT_PER_MM = 72 / 25.4;

function parseArgs(argv) {
  const [file, ...rest] = argv;
  if (!file)
    throw new Error('usage: pdf-inspect.mjs file.pdf [--dpi N] [--qr P:X,Y,W,H]... [--pixel P:X,Y]...');
  const args = { file, dpi: 200, qr: [], pixel: [] };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (flag === '--dpi') args.dpi = Number(value);
    else if (flag === '--qr' || flag === '--pixel') {
      const [page, numbers] = value.split(':');
      args[flag.slice(2)].push({ page: Number(page), at: numbers.split(',').map(Number) });
    } else throw new Error(`unknown argument ${flag}`);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const pdf = await getDocument({
    data: new Uint8Array(await readFile(args.file)),
    // In Node these are folder paths (with the trailing slash pdf.js insists on), read from disk.
    standardFontDataUrl: join(PDFJS, 'standard_fonts') + '/',
    cMapUrl: join(PDFJS, 'cmaps') + '/',
    wasmUrl: join(PDFJS, 'wasm') + '/',
    verbosity: 0,
  }).promise;

  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const { items } = await page.getTextContent();
    const strings = items.map((item) => item.str).filter((s) => s.trim() !== '');
    pages.push({ width: x1 - x0, height: y1 - y0, text: strings.join('\n'), items: strings });
  }

  // Each page is rendered once, however many regions are asked. The canvas comes from pdf.js's own factory
  // (@napi-rs/canvas in Node): pdfjs-dist may carry its own copy of it, and its Path2D objects are only
  // accepted by canvases of that same copy.
  const renders = new Map();
  const scale = args.dpi / 72;
  const render = async (n) => {
    if (!renders.has(n)) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale });
      const { canvas, context } = pdf.canvasFactory.create(
        Math.ceil(viewport.width),
        Math.ceil(viewport.height),
      );
      await page.render({ canvas, viewport, background: '#ffffff' }).promise;
      renders.set(n, context);
    }
    return renders.get(n);
  };
  const px = (mm) => Math.round(mm * PT_PER_MM * scale);

  const qr = [];
  for (const { page, at } of args.qr) {
    const [x, y, w, h] = at;
    const image = (await render(page)).getImageData(px(x), px(y), px(w), px(h));
    const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
    qr.push({ page, region: at, text: code ? code.data : null });
  }

  const pixel = [];
  for (const { page, at } of args.pixel) {
    const [x, y] = at;
    const { data } = (await render(page)).getImageData(px(x) - 1, px(y) - 1, 3, 3);
    let darkest = 255;
    for (let i = 0; i < data.length; i += 4)
      darkest = Math.min(darkest, Math.round(0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]));
    pixel.push({ page, at, darkest });
  }

  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  process.stdout.write(JSON.stringify({ pages, qr, pixel, info }));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
