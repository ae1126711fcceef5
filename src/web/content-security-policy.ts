/** CSP directives as helmet takes them: camelCase names, each with its sources; null leaves one out. */
export type CspDirectives = Record<string, string[] | null>;

/**
 * The Content-Security-Policy of every response. No inline or eval'd script anywhere. `inlineStyles` allows
 * `<style>` blocks, which the public check page and the OpenAPI UI still use; the merchant pages under
 * src/web load only stylesheet files and get the policy without it.
 */
export function cspDirectives(publicUrl: string, options: { inlineStyles: boolean }): CspDirectives {
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
    fontSrc: ["'self'", 'https:', 'data:'],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: options.inlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // Camera frames are drawn to a canvas; nothing is loaded from elsewhere.
    imgSrc: ["'self'", 'data:', 'blob:'],
    mediaSrc: ["'self'", 'blob:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: publicUrl.startsWith('https://') ? [] : null,
  };
}

/** The header value helmet writes for `directives` (they name every directive, so helmet's defaults add none). */
export function cspHeader(directives: CspDirectives): string {
  return Object.entries(directives)
    .filter((entry): entry is [string, string[]] => entry[1] !== null)
    .map(([name, sources]) => [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), ...sources].join(' '))
    .join(';');
}

/**
 * The policy of the pages under src/web: no inline script or style at all. `imageOrigins` adds the places a
 * page may show images from besides this server (the catalogue's map tiles).
 */
export function strictPageCsp(publicUrl: string, imageOrigins: string[] = []): string {
  const directives = cspDirectives(publicUrl, { inlineStyles: false });
  return cspHeader({ ...directives, imgSrc: [...directives.imgSrc!, ...imageOrigins] });
}
