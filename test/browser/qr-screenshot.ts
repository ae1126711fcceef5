import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';

/** Reads the QR code in a screenshot (PNG) as a camera would see the screen; null: none found. */
export async function decodeQrPng(png: Buffer): Promise<string | null> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  return jsQR(new Uint8ClampedArray(data), image.width, image.height)?.data ?? null;
}

/** The QR code shown by an element of the page, read from a screenshot of it. */
export async function readQrOnScreen(element: Locator): Promise<string | null> {
  return decodeQrPng(await element.screenshot());
}
