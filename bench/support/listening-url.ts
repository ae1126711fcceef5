/**
 * The app's URL from its own "family-card is listening" log line (pino JSON on stdout, LOG_LEVEL info or
 * lower), or null before it is written. A process started with PORT=0 listens where the kernel puts it; a port
 * probed free beforehand and handed over can be taken meanwhile by another process, whose /health would then
 * answer for the app's.
 */
export function listeningUrl(output: string): string | null {
  for (const line of output.split('\n')) {
    if (!line.includes('family-card is listening')) continue;
    const url = (JSON.parse(line) as { url?: unknown }).url;
    if (typeof url === 'string') return url;
  }
  return null;
}
