import type { Response } from 'supertest';

/** A response's Content-Security-Policy as directive → sources. */
export function cspOf(res: Response): Record<string, string[]> {
  return Object.fromEntries(
    String(res.headers['content-security-policy'])
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** Every address a page links to or loads: href, src and form action values, HTML entities undone. */
export const urlsIn = (html: string): string[] =>
  [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) =>
    m[1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '='),
  );

/**
 * Fails unless the page runs no inline code: every script is a file of this server (or a JSON data block) and
 * no style element or attribute or event handler attribute appears.
 */
export function expectNoInlineCode(html: string): void {
  for (const [, attributes, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g))
    expect({ attributes, body }).toEqual(
      attributes.includes('type="application/json"')
        ? { attributes, body }
        : { attributes: expect.stringMatching(/ src="\/static\//), body: '' },
    );
  expect(html).not.toMatch(/<style| style=| on[a-z]+=/i);
}
