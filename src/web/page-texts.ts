import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
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
 * A page's texts by language, from templates/web/messages/<language>.json: only the files that have every
 * section the page needs count, so a language without them is not offered. Adding a language is adding a file.
 */
export class PageTexts<T extends object> {
  private readonly byLanguage = new Map<string, T>();

  constructor(sections: (keyof T & string)[]) {
    const dir = join(WEB_TEMPLATES_DIR, 'messages');
    for (const file of readdirSync(dir)) {
      if (!/^[a-z]{2}\.json$/.test(file)) continue;
      const messages = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Partial<T>;
      if (sections.every((section) => messages[section]))
        this.byLanguage.set(file.slice(0, 2), messages as T);
    }
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
