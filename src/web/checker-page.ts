import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { WEB_TEMPLATES_DIR } from '../validations/check-page';
import type { ValidationResult } from '../validations/validation-result';

const FALLBACK = 'en';

/** The checker's texts: `checker` in templates/web/messages/<language>.json, plus the shared result reasons. */
interface CheckerMessages {
  results: Record<ValidationResult, string>;
  checker: Record<string, unknown> & { title: string };
}

/**
 * The merchant checker page (templates/web/checker.html.hbs): the shell the browser scripts in
 * public/merchant/ fill in. It holds no data of anyone; everything is fetched with the merchant's token.
 */
@Injectable()
export class CheckerPage {
  private readonly template = Handlebars.create().compile(
    readFileSync(join(WEB_TEMPLATES_DIR, 'checker.html.hbs'), 'utf8'),
    { strict: true },
  );
  /** Only the message files that have the checker's texts: a language without them is not offered. */
  private readonly messages = new Map<string, CheckerMessages>();

  constructor() {
    for (const file of readdirSync(join(WEB_TEMPLATES_DIR, 'messages'))) {
      if (!/^[a-z]{2}\.json$/.test(file)) continue;
      const messages = JSON.parse(
        readFileSync(join(WEB_TEMPLATES_DIR, 'messages', file), 'utf8'),
      ) as Partial<CheckerMessages>;
      if (messages.checker && messages.results)
        this.messages.set(file.slice(0, 2), messages as CheckerMessages);
    }
  }

  /** Languages the page speaks. */
  languages(): string[] {
    return [...this.messages.keys()].sort();
  }

  render(programme: ProgrammeEntity, language: string): string {
    const lang = this.messages.has(language) ? language : FALLBACK;
    const m = this.messages.get(lang)!;
    const forScript = {
      language: lang,
      programme: programme.code,
      // Offer titles offline in the language the API answers in online (the programme's first).
      offerLanguages: programme.languages,
      results: m.results,
      ...m.checker,
    };
    return this.template({
      language: lang,
      programmeName: programme.name,
      t: m.checker,
      languages: this.languages().map((code) => ({
        code,
        name: String(this.messages.get(code)!.checker.languageName),
        current: code === lang,
      })),
      // A data block, not a script: `<` escaped so no text can close the element.
      messagesJson: JSON.stringify(forScript).replace(/</g, '\\u003c'),
    });
  }
}
