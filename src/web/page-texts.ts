import Handlebars from 'handlebars';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { WEB_TEMPLATES_DIR } from '../validations/check-page';

const FALLBACK = 'en';

const compile = (handlebars: typeof Handlebars, path: string) =>
  handlebars.compile(readFileSync(path, 'utf8'), { strict: true });

/**
 * A page's Handlebars template from templates/web, compiled once, with the shared partials of
 * templates/web/partials (the layout: `{{#> layout}}…{{/layout}}`); a missing value is an error, not a blank.
 */
export function pageTemplate(file: string): Handlebars.TemplateDelegate {
  const handlebars = Handlebars.create();
  const partials = join(WEB_TEMPLATES_DIR, 'partials');
  for (const name of readdirSync(partials).filter((f) => f.endsWith('.hbs')))
    handlebars.registerPartial(name.slice(0, -'.hbs'.length), compile(handlebars, join(partials, name)));
  return compile(handlebars, join(WEB_TEMPLATES_DIR, file));
}

/**
 * A page's texts by language, from templates/web/messages/<language>.json and the same-named files of its
 * folders (one folder per area of the site, e.g. messages/partner/pl.json), merged section by section: only the
 * languages that have every section the page needs count, so a language without them is not offered. Adding a
 * language is adding files.
 */
export class PageTexts<T extends object> {
  private readonly byLanguage = new Map<string, T>();

  constructor(sections: (keyof T & string)[]) {
    for (const [language, messages] of allMessages())
      if (sections.every((section) => messages[section])) this.byLanguage.set(language, messages as T);
  }

  /** Languages the page speaks. */
  languages(): string[] {
    return [...this.byLanguage.keys()].sort();
  }

  /** The programme's languages the page speaks first, then the others: the order to pick a language in. */
  languagesFor(programme: ProgrammeEntity): string[] {
    const spoken = this.languages();
    return [...new Set([...programme.languages.filter((l) => spoken.includes(l)), ...spoken])];
  }

  /** `language` if the page speaks it, else English. */
  speaks(language: string): string {
    return this.byLanguage.has(language) ? language : FALLBACK;
  }

  in(language: string): T {
    return this.byLanguage.get(this.speaks(language))!;
  }

  /** The language switcher's entries. */
  switcher(current: string, name: (texts: T) => string): { code: string; name: string; current: boolean }[] {
    return this.languages().map((code) => ({ code, name: name(this.in(code)), current: code === current }));
  }
}

/** Page data for the scripts, in a `<script type="application/json">` block: `<` escaped so no text closes it. */
export const jsonForScript = (data: unknown): string => JSON.stringify(data).replace(/</g, '\\u003c');

const LANGUAGE_FILE = /^[a-z]{2}\.json$/;

/** Every language's message sections: the top-level files and each area folder's files, merged. */
export function allMessages(): Map<string, Record<string, unknown>> {
  const root = join(WEB_TEMPLATES_DIR, 'messages');
  const dirs = [
    root,
    ...readdirSync(root)
      .map((name) => join(root, name))
      .filter((p) => statSync(p).isDirectory()),
  ];
  const merged = new Map<string, Record<string, unknown>>();
  for (const dir of dirs)
    for (const file of readdirSync(dir).filter((f) => LANGUAGE_FILE.test(f))) {
      const language = file.slice(0, 2);
      const sections = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      const into = merged.get(language) ?? {};
      for (const [section, texts] of Object.entries(sections)) {
        if (section in into)
          throw new Error(`messages: section "${section}" of ${language} is defined twice`);
        into[section] = texts;
      }
      merged.set(language, into);
    }
  return merged;
}
