// Camera scanning: the browser's BarcodeDetector where it reads QR codes, jsQR (served from this server)
// otherwise. The same code seen again within a few seconds is reported once.

const REPEAT_MS = 3000;
const FRAME_MS = 120;
const MAX_SIDE = 960;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    if (document.querySelector(`script[src="${src}"]`) && globalThis.jsQR) return resolve();
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(script);
  });
}

/** A function frame → QR text or null. */
async function makeDetector() {
  if ('BarcodeDetector' in globalThis) {
    try {
      const formats = await globalThis.BarcodeDetector.getSupportedFormats();
      if (formats.includes('qr_code')) {
        const detector = new globalThis.BarcodeDetector({ formats: ['qr_code'] });
        return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
      }
    } catch {
      // Fall through to jsQR.
    }
  }
  await loadScript('/static/vendor/jsQR.js');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    const { videoWidth: width, videoHeight: height } = video;
    if (!width || !height) return null;
    const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return (
      globalThis.jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ??
      null
    );
  };
}

/** Which decoder a scan uses here (for the page's diagnostics and tests). */
export const decoderName = () => ('BarcodeDetector' in globalThis ? 'BarcodeDetector or jsQR' : 'jsQR');

/** Starts the back camera into `video`; calls `onCode(text)` per new code. Returns a function that stops it. */
export async function startScanner(video, onCode) {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment' },
    audio: false,
  });
  video.srcObject = stream;
  await video.play();
  const detect = await makeDetector();
  let stopped = false;
  let last = { text: null, at: 0 };
  const tick = async () => {
    if (stopped) return;
    if (video.readyState >= 2) {
      const text = await detect(video).catch(() => null);
      const now = Date.now();
      if (text && (text !== last.text || now - last.at > REPEAT_MS)) onCode(text);
      if (text) last = { text, at: now };
    }
    if (!stopped) setTimeout(tick, FRAME_MS);
  };
  tick();
  return () => {
    stopped = true;
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
}
