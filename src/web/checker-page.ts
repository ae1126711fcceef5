import { Injectable } from '@nestjs/common';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import type { ValidationResult } from '../validations/validation-result';
import { jsonForScript, PageTexts, pageTemplate } from './page-texts';

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
  private readonly template = pageTemplate('checker.html.hbs');
  readonly texts = new PageTexts<CheckerMessages>(['checker', 'results']);

  render(programme: ProgrammeEntity, language: string): string {
    const lang = this.texts.speaks(language);
    const m = this.texts.in(lang);
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
      languages: this.texts.switcher(lang, (texts) => String(texts.checker.languageName)),
      messagesJson: jsonForScript(forScript),
    });
  }
}
