import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

/**
 * A video file for Chromium's fake camera (--use-file-for-fake-video-capture): the QR code of `text`, black
 * modules centred on white, as YUV4MPEG2 with 4:2:0 frames. Drawn from the code's module matrix, so every
 * module is whole pixels and the picture is exactly what a printed card shows.
 */
export function writeQrVideo(
  text: string,
  file: string,
  { width = 640, height = 480, frames = 6 } = {},
): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quietZone = 4;
  const scale = Math.floor((Math.min(width, height) * 0.9) / (size + 2 * quietZone));
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  // Luma in video range: 235 white, 16 black; chroma 128 is grey (no colour).
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++)
        luma.fill(
          16,
          (top + row * scale + y) * width + left + col * scale,
          (top + row * scale + y) * width + left + (col + 1) * scale,
        );
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
