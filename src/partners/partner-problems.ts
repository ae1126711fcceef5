import { ProblemException } from '../common/problem/problem.exception';
import type { FieldError } from '../common/problem/problem';
import { foreignLanguages, missingLanguage } from '../common/validation/language-map';

/** The 400 problem for one field. */
export const fieldProblem = (field: string, message: string) =>
  ProblemException.validation([{ field, message }]);

/**
 * Texts by language must be in the programme's languages and include its first (default) one, so every family
 * reads something. Returns the field errors for `field`.
 */
export function languageProblems(
  field: string,
  texts: Record<string, unknown>,
  languages: string[],
): FieldError[] {
  const errors: FieldError[] = [];
  const missing = missingLanguage(texts, languages.slice(0, 1));
  if (missing) errors.push({ field: `${field}.${missing}`, message: `${field} needs a text in ${missing}` });
  for (const language of foreignLanguages(texts, languages))
    errors.push({
      field: `${field}.${language}`,
      message: `${field}.${language}: the programme speaks ${languages.join(', ')}`,
    });
  return errors;
}
