import fc from 'fast-check';
import type { Response } from 'supertest';
import type { FuzzCase, Operation } from './fuzz-openapi';
import { withNul } from './fuzz-openapi';
import { anyQueryValue, NASTY_STRINGS, sampleFor } from './fuzz-values';

/** Page forms, uploads, and the verdict on one answer: the fuzzer's cases beyond the OpenAPI schemas. */

export const PAGE_FORM = 'application/x-www-form-urlencoded';

export function pageFormCases(opId: string, fields: string[], csrf: string): FuzzCase[][] {
  const form = (label: string, expect: FuzzCase['expect'], values: Record<string, string | string[]>) => ({
    label,
    expect,
    contentType: PAGE_FORM,
    body: new URLSearchParams(
      Object.entries(values).flatMap(([k, v]) => [v].flat().map((x) => [k, x] as [string, string])),
    ).toString(),
  });
  const names = fields.length ? fields : ['name', 'email', 'id'];
  const refused = [
    form('no _csrf', 'refuse', Object.fromEntries(names.map((n) => [n, 'x']))),
    form('wrong _csrf', 'refuse', {
      _csrf: 'not-the-token',
      ...Object.fromEntries(names.map((n) => [n, 'x'])),
    }),
    { label: 'XML body', expect: 'refuse' as const, contentType: 'application/xml', body: '<a/>' },
    form('1.1 MB form', 'refuse', { _csrf: csrf, [names[0]]: 'x'.repeat(1_100_000) }),
  ];
  const nasty = names.flatMap((n, i) =>
    withNul([NASTY_STRINGS[i % NASTY_STRINGS.length]]).map((v) =>
      form(`${n}: ${v.label}`, v.value.includes('\u0000') ? 'refuse' : 'survive', {
        _csrf: csrf,
        [n]: v.value,
      }),
    ),
  );
  const shapes = [
    form('every field empty', 'survive', { _csrf: csrf, ...Object.fromEntries(names.map((n) => [n, ''])) }),
    form('every field twice', 'survive', {
      _csrf: csrf,
      ...Object.fromEntries(names.map((n) => [n, ['1', '2']])),
    }),
    form('unknown fields only', 'survive', { _csrf: csrf, zzUnknown: '1', 'a[b]': '2' }),
  ];
  const generated = sampleFor(
    fc.dictionary(fc.constantFrom(...names), anyQueryValue, { minKeys: 1, maxKeys: 4 }),
    `${opId} form`,
    4,
  ).map((values, k) => form(`generated form #${k}`, 'survive', { _csrf: csrf, ...values }));
  return [refused, nasty, shapes, generated];
}

/** Uploads: the multipart document route and the raw-image logo route; neither takes JSON. */
export function uploadCases(operation: Operation): FuzzCase[] {
  const boundary = 'fuzzboundary';
  const part = (name: string, value: string, filename?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n` +
    `${filename ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n${value}\r\n`;
  const multipart = `multipart/form-data; boundary=${boundary}`;
  const types = Object.keys(operation.requestBody?.content ?? {});
  if (types.includes('multipart/form-data')) {
    return [
      {
        label: 'JSON instead of multipart',
        expect: 'refuse',
        contentType: 'application/json',
        body: '{"kind":"x"}',
      },
      {
        label: 'multipart without a file',
        expect: 'refuse',
        contentType: multipart,
        body: `${part('kind', 'other')}--${boundary}--\r\n`,
      },
      {
        label: 'multipart cut short',
        expect: 'refuse',
        contentType: multipart,
        body: `--${boundary}\r\nContent-Disp`,
      },
      {
        label: 'multipart, wrong boundary',
        expect: 'refuse',
        contentType: 'multipart/form-data; boundary=zzz',
        body: part('kind', 'x'),
      },
      {
        label: 'an ELF file named .pdf',
        expect: 'refuse',
        contentType: multipart,
        body: `${part('kind', 'other')}${part('file', '\u007fELF\u0002\u0001\u0001', 'a.pdf')}--${boundary}--\r\n`,
      },
      {
        label: 'file with a traversal name',
        expect: 'refuse',
        contentType: multipart,
        body: `${part('kind', NASTY_STRINGS[5].value)}${part('file', '%PDF-1.4 junk', '../../etc/passwd')}--${boundary}--\r\n`,
      },
      {
        label: 'multipart, no closing boundary',
        expect: 'refuse',
        contentType: multipart,
        body: `${part('kind', 'other')}${part('file', '%PDF-1.4', 'a.pdf')}`,
      },
      { label: 'no content type', expect: 'refuse', body: 'abc' },
    ];
  }
  return [
    {
      label: 'PNG header then junk',
      expect: 'refuse',
      contentType: 'image/png',
      body: Buffer.from('\x89PNG\r\n\x1a\nnot really', 'binary'),
    },
    { label: 'empty image', expect: 'refuse', contentType: 'image/png', body: Buffer.alloc(0) },
    {
      label: 'JPEG declared, text sent',
      expect: 'refuse',
      contentType: 'image/jpeg',
      body: Buffer.from('hello'),
    },
    {
      label: 'JSON instead of an image',
      expect: 'refuse',
      contentType: 'application/json',
      body: '{"logo":"x"}',
    },
    {
      label: 'image too large (3 MB)',
      expect: 'refuse',
      contentType: 'image/png',
      body: Buffer.alloc(3_000_000, 1),
    },
    {
      label: 'SVG with script',
      expect: 'refuse',
      contentType: 'image/svg+xml',
      body: '<svg onload="alert(1)"/>',
    },
  ];
}

/**
 * A page's upload form sends its CSRF token in the action URL. A body the parser cannot read must not be a
 * 500; a page may still answer 303 (the wizard sends a family without an open application elsewhere first).
 */
export function pageUploadCases(csrf: string): FuzzCase[] {
  const query = `_csrf=${encodeURIComponent(csrf)}`;
  const multipart = 'multipart/form-data; boundary=fuzzboundary';
  const file = (name: string, bytes: string) =>
    `--fuzzboundary\r\nContent-Disposition: form-data; name="${name}"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n${bytes}\r\n`;
  return [
    {
      label: 'multipart cut short',
      expect: 'survive',
      query,
      contentType: multipart,
      body: '--fuzzboundary\r\nContent-Disp',
    },
    {
      label: 'multipart, wrong boundary',
      expect: 'survive',
      query,
      contentType: 'multipart/form-data; boundary=zzz',
      body: file('logo', 'x'),
    },
    {
      label: 'multipart, no closing boundary',
      expect: 'survive',
      query,
      contentType: multipart,
      body: file('logo', '\x89PNG junk'),
    },
    {
      label: 'multipart, junk image',
      expect: 'survive',
      query,
      contentType: multipart,
      body: `${file('logo', 'junk')}--fuzzboundary--\r\n`,
    },
    {
      label: 'multipart, junk document',
      expect: 'survive',
      query,
      contentType: multipart,
      body: `${file('file', 'junk')}--fuzzboundary--\r\n`,
    },
  ];
}

export function checkAnswer(page: boolean, c: FuzzCase, res: Response): string[] {
  const problems: string[] = [];
  const ct = String(res.headers['content-type'] ?? '');
  if (res.status >= 500) problems.push(`answered ${res.status}: ${res.text.slice(0, 200)}`);
  if (c.expect === 'refuse' && res.status < 400) problems.push(`accepted invalid input with ${res.status}`);
  if (res.status >= 400 && res.status < 500) {
    if (ct.startsWith('application/problem+json')) {
      const b = res.body as Record<string, unknown>;
      const shape =
        typeof b.type === 'string' &&
        b.type.startsWith('/problems/') &&
        typeof b.title === 'string' &&
        b.status === res.status &&
        typeof b.instance === 'string' &&
        typeof b.requestId === 'string' &&
        b.requestId === res.headers['x-request-id'] &&
        (b.type !== '/problems/validation-error' ||
          (Array.isArray(b.errors) &&
            b.errors.length > 0 &&
            b.errors.every(
              (e: { field?: unknown; message?: unknown }) =>
                typeof e.field === 'string' && typeof e.message === 'string',
            ))) &&
        !/\bat .+:\d+:\d+/.test(res.text);
      if (!shape) problems.push(`problem document not in the documented shape: ${res.text.slice(0, 200)}`);
    } else if (!(page && ct.startsWith('text/html'))) {
      problems.push(`${res.status} with content type "${ct}"`);
    }
  }
  return problems;
}
