import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EMAIL_TEMPLATES,
  EMAIL_TEMPLATES_DIR,
  EmailTemplate,
  EmailTemplates,
  formatDate,
  normalizeLanguage,
  REQUIRED_VARIABLES,
} from './email-templates';

const VARS = {
  programmeName: 'Karta Dużej Rodziny',
  applicationNumber: 'FC-2025-000042',
  portalUrl: 'https://karta.city.example/wnioski',
  message: 'Proszę dołączyć <script>alert("x")</script> & akt urodzenia.',
  reason: 'Brak dokumentów',
  holderName: 'Anna Nowak',
  cardNumber: 'FC 1234 5678',
  validUntil: '2026-12-31',
  partnerName: 'Kino Zamek',
  email: 'kasjer@kino.example',
};
/** What each template's subject, text and HTML must name, so the reader knows what it is about. */
const KEY_VALUE: Partial<Record<EmailTemplate, string>> = {
  card_expiring: VARS.cardNumber,
  merchant_invited: VARS.partnerName,
};
const WITH_MESSAGE: EmailTemplate[] = [
  'application_needs_info',
  'application_approved',
  'application_rejected',
];
const POLISH_LETTERS = /[ąćęłńóśźż]/i;
const LANGUAGES = ['pl', 'en'];

describe('EmailTemplates', () => {
  const templates = new EmailTemplates();

  it('resolves the repository templates folder from src/ (and so from dist/, which mirrors src/)', () => {
    expect(EMAIL_TEMPLATES_DIR).toBe(join(__dirname, '..', '..', 'templates', 'emails'));
    expect(templates.languages()).toEqual(expect.arrayContaining(LANGUAGES));
    expect(() => templates.assertComplete()).not.toThrow();
  });

  describe.each(LANGUAGES)('%s', (language) => {
    it.each([...EMAIL_TEMPLATES])('%s renders subject, text and HTML with every variable', (template) => {
      const r = templates.render(template, language, VARS);
      expect(r.language).toBe(language);
      expect(r.subject.length).toBeGreaterThan(10);
      expect(r.subject).toContain(VARS.programmeName);
      expect(r.subject).not.toMatch(/[\r\n]/);
      expect(r.text.trim().length).toBeGreaterThan(50);
      for (const out of [r.subject, r.text, r.html]) expect(out).not.toMatch(/\{\{|\}\}/);
      expect(r.text).toContain(VARS.portalUrl);
      expect(r.html).toContain(`href="${VARS.portalUrl}"`);
      expect(r.html).toMatch(new RegExp(`^<!DOCTYPE html>\\s*<html lang="${language}">`));
      expect(r.html).toContain(`<title>${r.subject.replace(/&/g, '&amp;')}</title>`);
      const number = KEY_VALUE[template] ?? VARS.applicationNumber;
      expect(r.subject).toContain(number);
      expect(r.text).toContain(number);
      expect(r.html).toContain(number);
      if (language === 'pl') {
        expect(r.text).toMatch(POLISH_LETTERS);
        expect(r.html).toMatch(POLISH_LETTERS);
      }
    });

    it.each(WITH_MESSAGE)('%s shows the case worker message, escaped in HTML only', (template) => {
      const r = templates.render(template, language, VARS);
      expect(r.html).not.toContain('<script>');
      expect(r.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; akt urodzenia.');
      expect(r.text).toContain(VARS.message); // plain text is not HTML: nothing to escape
      expect(r.text).toContain(VARS.reason);
    });

    it.each(WITH_MESSAGE)('%s reads well without a message or reason', (template) => {
      const { message: _m, reason: _r, ...vars } = VARS;
      const r = templates.render(template, language, vars);
      expect(r.text).not.toMatch(/\n{3,}/);
      expect(r.text).not.toMatch(/Powód|Reason|Decyzja|Decision|Wiadomość od|Message from/);
      expect(r.html).not.toContain('<div style');
    });

    it('card_expiring writes the date out in the language', () => {
      const r = templates.render('card_expiring', language, VARS);
      expect(r.text).toContain(language === 'pl' ? '31 grudnia 2026 r.' : '31 December 2026');
      expect(r.text).toContain(VARS.holderName);
    });
  });

  it('uses Polish subjects with diacritics', () => {
    expect(templates.render('application_submitted', 'pl', VARS).subject).toBe(
      'Karta Dużej Rodziny: otrzymaliśmy Twój wniosek nr FC-2025-000042',
    );
    expect(templates.render('card_expiring', 'pl', VARS).subject).toMatch(/ważność$/);
  });

  it.each([
    ['pl-PL', 'pl'],
    ['PL', 'pl'],
    ['en-GB', 'en'],
    ['de', 'en'],
    ['', 'en'],
    ['../../etc', 'en'],
    ['pl/../en', 'en'],
  ])('language %j is rendered in %s', (asked, used) => {
    expect(templates.render('application_submitted', asked, VARS).language).toBe(used);
  });

  it.each([...EMAIL_TEMPLATES])('%s refuses to render without its required variables', (template) => {
    for (const name of REQUIRED_VARIABLES[template]) {
      expect(() => templates.render(template, 'pl', { ...VARS, [name]: undefined })).toThrow(name);
      expect(() => templates.render(template, 'pl', { ...VARS, [name]: '' })).toThrow(name);
    }
  });

  it('refuses an unknown template', () => {
    expect(() => templates.render('nope' as EmailTemplate, 'en', VARS)).toThrow(/unknown e-mail template/);
  });

  it('collapses whitespace in the subject and keeps it to 300 characters', () => {
    const r = templates.render('application_submitted', 'en', {
      ...VARS,
      applicationNumber: `A\r\nBcc: someone@example.org ${'x'.repeat(400)}`,
    });
    expect(r.subject).not.toMatch(/[\r\n]/);
    expect(r.subject.length).toBe(300);
  });

  describe('a city folder', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'fc-templates-'));
      cpSync(join(EMAIL_TEMPLATES_DIR, 'en'), join(dir, 'en'), { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('falls back to en, template by template, when a language lacks one', () => {
      mkdirSync(join(dir, 'uk'));
      for (const part of ['subject', 'text', 'html'])
        writeFileSync(
          join(dir, 'uk', `application_submitted.${part}.hbs`),
          `Заявку {{applicationNumber}} ${part}`,
        );
      const t = new EmailTemplates(dir);
      expect(t.languages()).toEqual(['en', 'uk']);
      const uk = t.render('application_submitted', 'uk', VARS);
      expect(uk).toMatchObject({ language: 'uk', subject: 'Заявку FC-2025-000042 subject' });
      expect(uk.html).toBe('Заявку FC-2025-000042 html'); // it does not ask for the layout
      expect(t.render('application_approved', 'uk', VARS).language).toBe('en');
    });

    it('fails at start when a template does not parse or is missing from en', () => {
      writeFileSync(join(dir, 'en', 'card_expiring.text.hbs'), 'Hello {{#if}');
      expect(() => new EmailTemplates(dir).assertComplete()).toThrow(
        /card_expiring\.text\.hbs does not parse/,
      );
      rmSync(join(dir, 'en', 'card_expiring.text.hbs'));
      expect(() => new EmailTemplates(dir).assertComplete()).toThrow(/missing .*card_expiring/);
    });
  });
});

describe('normalizeLanguage', () => {
  it.each([
    ['pl', 'pl'],
    ['pl-PL', 'pl'],
    ['EN_us', 'en'],
    [' en ', 'en'],
    ['fil', 'fil'],
    ['', null],
    [null, null],
    ['p', null],
    ['../pl', null],
    ['english', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeLanguage(input)).toBe(expected);
  });
});

describe('formatDate', () => {
  it.each<[unknown, string, string]>([
    ['2026-12-31', 'pl', '31 grudnia 2026'],
    ['2026-01-05', 'en', '5 January 2026'],
    [new Date('2026-06-30T22:30:00Z'), 'pl', '1 lipca 2026'], // midnight has passed in Warsaw
    ['2026-06-30T10:00:00Z', 'en', '30 June 2026'],
    ['not a date', 'en', 'not a date'],
    [undefined, 'en', ''],
    [{}, 'pl', ''],
  ])('%j in %s → %j', (value, language, expected) => {
    expect(formatDate(value, language)).toBe(expected);
  });
});
