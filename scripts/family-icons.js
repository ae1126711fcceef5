#!/usr/bin/env node
// Draws the family wallet's app icons (public/family/icon-192.png, icon-512.png) once; the PNGs are
// committed. A card with a QR-like mark on the wallet's theme colour, everything inside the central 60% so
// the same file also serves as a maskable icon (launchers may crop to a circle of 80%). Usage: node
// scripts/family-icons.js
const { createCanvas } = require('@napi-rs/canvas');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const THEME = '#0f766e';
const INK = '#134e4a';
// A finder pattern in each of three corners and a few modules, on a 9 × 9 grid.
const MODULES = [
  [4, 0],
  [4, 2],
  [3, 4],
  [5, 4],
  [4, 5],
  [0, 4],
  [2, 4],
  [4, 7],
  [6, 6],
  [8, 4],
  [7, 5],
  [5, 8],
  [8, 8],
  [6, 8],
];

function roundedRect(ctx, x, y, w, h, r) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function draw(size) {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = THEME;
  ctx.fillRect(0, 0, size, size);
  // The card: 60% wide, ID-1 proportions turned upright.
  const w = size * 0.5;
  const h = size * 0.6;
  const x = (size - w) / 2;
  const y = (size - h) / 2;
  ctx.fillStyle = '#ffffff';
  roundedRect(ctx, x, y, w, h, size * 0.05);
  ctx.fill();
  // The code on the card.
  const cell = (w * 0.7) / 9;
  const left = x + (w - cell * 9) / 2;
  const top = y + h - w * 0.15 - cell * 9;
  ctx.fillStyle = INK;
  for (const [cx, cy] of [
    [0, 0],
    [6, 0],
    [0, 6],
  ]) {
    ctx.fillRect(left + cx * cell, top + cy * cell, cell * 3, cell * 3);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(left + (cx + 0.6) * cell, top + (cy + 0.6) * cell, cell * 1.8, cell * 1.8);
    ctx.fillStyle = INK;
    ctx.fillRect(left + (cx + 1) * cell, top + (cy + 1) * cell, cell, cell);
  }
  for (const [cx, cy] of MODULES) ctx.fillRect(left + cx * cell, top + cy * cell, cell, cell);
  // The holder's name line above the code.
  ctx.fillRect(x + w * 0.15, y + h * 0.1, w * 0.7, size * 0.035);
  return canvas.toBuffer('image/png');
}

for (const size of [192, 512]) {
  const file = join(__dirname, '..', 'public', 'family', `icon-${size}.png`);
  writeFileSync(file, draw(size));
  console.log(`wrote ${file}`);
}
