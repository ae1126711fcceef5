import { registerDecorator, ValidationArguments } from 'class-validator';

const LANGUAGE = /^[a-z]{2}$/;

/**
 * A map from two-letter language codes to texts of 1..maxLength characters, such as
 * `{ "pl": "Zniżka", "en": "Discount" }`. Which languages a programme needs is the service's business.
 */
export function IsLanguageMap(maxLength: number) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isLanguageMap',
      target: target.constructor,
      propertyName,
      constraints: [maxLength],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length > 0 &&
          Object.keys(value).length <= 10 &&
          Object.entries(value).every(
            ([language, text]) =>
              LANGUAGE.test(language) &&
              typeof text === 'string' &&
              text.trim().length > 0 &&
              text.length <= maxLength,
          ),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must map two-letter language codes to texts of 1-${maxLength} characters, such as {"pl": "…", "en": "…"}`,
      },
    });
}

/** The first language of `languages` that `texts` lacks, so the caller can name the field; null when none. */
export const missingLanguage = (texts: Record<string, unknown>, languages: string[]): string | null =>
  languages.find((l) => !(l in texts)) ?? null;

/** Languages used in `texts` that the programme does not speak. */
export const foreignLanguages = (texts: Record<string, unknown>, languages: string[]): string[] =>
  Object.keys(texts).filter((l) => !languages.includes(l));
