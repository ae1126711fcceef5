import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const EMAIL_TEMPLATES = [
  'application_submitted',
  'application_needs_info',
  'application_approved',
  'application_rejected',
  'card_expiring',
  'merchant_invited',
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

/** Used when a message's language has no template; every template must exist in it. */
export const FALLBACK_LANGUAGE = 'en';

/** `templates/emails` at the repository root: two levels up from both src/notifications and dist/notifications. */
export const EMAIL_TEMPLATES_DIR = join(__dirname, '..', '..', 'templates', 'emails');

/** Variables each template needs; a message without them is refused when it is queued, not when it is sent. */
export const REQUIRED_VARIABLES: Record<EmailTemplate, readonly string[]> = {
  application_submitted: ['programmeName', 'applicationNumber', 'portalUrl'],
  application_needs_info: ['programmeName', 'applicationNumber', 'portalUrl'],
  application_approved: ['programmeName', 'applicationNumber', 'portalUrl'],
  application_rejected: ['programmeName', 'applicationNumber', 'portalUrl'],
  card_expiring: ['programmeName', 'holderName', 'cardNumber', 'validUntil', 'portalUrl'],
  merchant_invited: ['programmeName', 'partnerName', 'email', 'portalUrl'],
};

/** Longest subject the outbox stores (the column's length). */
export const SUBJECT_MAX_LENGTH = 300;
const DEFAULT_TIME_ZONE = 'Europe/Warsaw';

export interface RenderedEmail {
  /** The language actually used: the one asked for, or the fallback. */
  language: string;
  subject: string;
  text: string;
  html: string;
}

type Compiled = Handlebars.TemplateDelegate;

interface CompiledTemplate {
  language: string;
  subject: Compiled;
  text: Compiled;
  html: Compiled;
  /** `_layout.html.hbs` of the same language (or of the fallback language), used as the `layout` partial. */
  layout?: Compiled;
}

export const isEmailTemplate = (value: string): value is EmailTemplate =>
  (EMAIL_TEMPLATES as readonly string[]).includes(value);

/** `pl`, `pl-PL`, `PL_pl` → `pl`; anything that is not a language tag → null (it also names a folder). */
export function normalizeLanguage(language: string | null | undefined): string | null {
  const primary = (language ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/** A date in the words of `language`: a `Date` in `timeZone`, a `YYYY-MM-DD` string as that calendar day. */
export function formatDate(value: unknown, language: string, timeZone = DEFAULT_TIME_ZONE): string {
  let date: Date;
  let zone = timeZone;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    date = new Date(`${value}T00:00:00Z`);
    zone = 'UTC';
  } else if (value instanceof Date || typeof value === 'string' || typeof value === 'number') {
    date = new Date(value);
  } else {
    return '';
  }
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : '';
  // Plain `en` would be American (December 31, 2026); the programme writes British English.
  const locale = language === 'en' ? 'en-GB' : language;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  }).format(date);
}

/**
 * The e-mail templates under `templates/emails/<language>/<template>.{subject,text,html}.hbs`. Each template
 * is read and compiled the first time it is used, then kept. HTML output escapes every `{{value}}`; subject
 * and plain text do not (they are not HTML).
 */
export class EmailTemplates {
  private readonly hbs = Handlebars.create();
  private readonly cache = new Map<string, CompiledTemplate | null>();

  constructor(readonly dir: string = EMAIL_TEMPLATES_DIR) {
    this.hbs.registerHelper(
      'date',
      function (this: unknown, value: unknown, options: Handlebars.HelperOptions) {
        const data = options.data as { language?: string; timeZone?: string } | undefined;
        return formatDate(value, data?.language ?? FALLBACK_LANGUAGE, data?.timeZone);
      },
    );
  }

  /** Language folders present, sorted. */
  languages(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && normalizeLanguage(e.name) === e.name)
      .map((e) => e.name)
      .sort();
  }

  /**
   * Reads every template of every language, so a deployment with a template that does not parse, or one
   * missing from the fallback language, fails at start rather than at its first e-mail.
   */
  assertComplete(): void {
    for (const language of this.languages()) EMAIL_TEMPLATES.forEach((t) => this.load(language, t));
    const missing = EMAIL_TEMPLATES.filter((t) => !this.load(FALLBACK_LANGUAGE, t));
    if (missing.length)
      throw new Error(
        `e-mail templates missing in ${join(this.dir, FALLBACK_LANGUAGE)}: ${missing.join(', ')}`,
      );
  }

  render(template: EmailTemplate, language: string, vars: Record<string, unknown>): RenderedEmail {
    if (!isEmailTemplate(template)) throw new Error(`unknown e-mail template ${String(template)}`);
    const missing = REQUIRED_VARIABLES[template].filter(
      (name) => vars[name] === undefined || vars[name] === null || vars[name] === '',
    );
    if (missing.length) throw new Error(`e-mail template ${template} needs ${missing.join(', ')}`);
    const wanted = normalizeLanguage(language);
    const compiled = (wanted ? this.load(wanted, template) : null) ?? this.load(FALLBACK_LANGUAGE, template);
    if (!compiled) throw new Error(`e-mail template ${template} is missing in ${FALLBACK_LANGUAGE}`);
    const timeZone = typeof vars.timeZone === 'string' ? vars.timeZone : DEFAULT_TIME_ZONE;
    const options = { data: { language: compiled.language, timeZone } };
    const subject = compiled.subject(vars, options).replace(/\s+/g, ' ').trim().slice(0, SUBJECT_MAX_LENGTH);
    if (!subject)
      throw new Error(`e-mail template ${compiled.language}/${template} renders an empty subject`);
    const text = `${compiled.text(vars, options).trim()}\n`;
    const html = compiled.html(
      { ...vars, subject, language: compiled.language },
      { ...options, partials: compiled.layout ? { layout: compiled.layout } : {} },
    );
    return { language: compiled.language, subject, text, html };
  }

  private load(language: string, template: EmailTemplate): CompiledTemplate | null {
    const key = `${language}/${template}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const file = (part: string) => join(this.dir, language, `${template}.${part}.hbs`);
    const parts = ['subject', 'text', 'html'].map(file);
    let compiled: CompiledTemplate | null = null;
    if (parts.every((p) => existsSync(p))) {
      // compile() is lazy; parsing first reports a syntax error with the file's name.
      const [subject, text, html] = parts.map((p) => this.parse(p, readFileSync(p, 'utf8')));
      const layoutFile = [language, FALLBACK_LANGUAGE]
        .map((l) => join(this.dir, l, '_layout.html.hbs'))
        .find((p) => existsSync(p));
      compiled = {
        language,
        subject: this.hbs.compile(subject, { noEscape: true }),
        text: this.hbs.compile(text, { noEscape: true }),
        html: this.hbs.compile(html),
        layout: layoutFile
          ? this.hbs.compile(this.parse(layoutFile, readFileSync(layoutFile, 'utf8')))
          : undefined,
      };
    }
    this.cache.set(key, compiled);
    return compiled;
  }

  private parse(file: string, source: string): string {
    try {
      this.hbs.parse(source);
    } catch (error) {
      throw new Error(`e-mail template ${file} does not parse: ${(error as Error).message}`);
    }
    return source;
  }
}
