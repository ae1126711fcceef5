import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQR from 'jsqr';

/** Renders an SVG image as a phone screen would, `pixels` wide, and reads the QR code in it (null: none found). */
export async function decodeQrSvg(svg: string, pixels = 300): Promise<string | null> {
  const image = await loadImage(Buffer.from(svg));
  const canvas = createCanvas(pixels, pixels);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0, pixels, pixels);
  const { data } = context.getImageData(0, 0, pixels, pixels);
  return jsQR(new Uint8ClampedArray(data), pixels, pixels)?.data ?? null;
}
