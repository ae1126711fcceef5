import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CardEntity } from '../cards/card.entity';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import type { ValidationResult } from './validation-result';

/** `templates/web` at the repository root: two levels up from both src/validations and dist/validations. */
export const WEB_TEMPLATES_DIR = join(__dirname, '..', '..', 'templates', 'web');
const FALLBACK = 'en';

interface Messages {
  title: string;
  valid: string;
  invalid: string;
  holder: string;
  validUntil: string;
  indefinite: string;
  checkedAt: string;
  note: string;
  results: Record<ValidationResult, string>;
}

/**
 * The public check page behind the QR code: valid or not, in words, with the holder's name and valid-until —
 * nothing more. Messages come from `templates/web/messages/<language>.json`: adding a language is adding a file.
 */
@Injectable()
export class CheckPage {
  private readonly template = Handlebars.create().compile(
    readFileSync(join(WEB_TEMPLATES_DIR, 'check.html.hbs'), 'utf8'),
  );
  private readonly messages = new Map(
    readdirSync(join(WEB_TEMPLATES_DIR, 'messages'))
      .filter((f) => /^[a-z]{2}\.json$/.test(f))
      .map((f) => [
        f.slice(0, 2),
        JSON.parse(readFileSync(join(WEB_TEMPLATES_DIR, 'messages', f), 'utf8')) as Messages,
      ]),
  );

  /** Languages the page speaks. */
  languages(): string[] {
    return [...this.messages.keys()].sort();
  }

  render(
    programme: ProgrammeEntity,
    language: string,
    result: ValidationResult,
    card: Pick<CardEntity, 'holderName' | 'validUntil'> | null,
    now: Date,
  ): string {
    const t = this.messages.get(language) ?? this.messages.get(FALLBACK)!;
    const lang = this.messages.has(language) ? language : FALLBACK;
    const date = (iso: string) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${iso}T00:00:00Z`),
      );
    return this.template({
      language: lang,
      programmeName: programme.name,
      t,
      valid: result === 'valid',
      reason: t.results[result],
      // Only what the register says of a genuine card; a forged code shows no name.
      holderName: card?.holderName ?? null,
      validUntil: card?.validUntil ? date(card.validUntil) : null,
      checkedAt: new Intl.DateTimeFormat(lang, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: programme.timeZone,
      }).format(now),
    });
  }
}
