import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256; // argon2 would happily hash megabytes; a login must not.
/** zxcvbn score 0–4; 3 means "safely unguessable" against an offline attack with a slow hash. */
const MIN_SCORE = 3;

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
  // Matching is super-linear in the length; beyond this many characters a password is long enough anyway.
  maxLength: 64,
});

/**
 * Returns what is wrong with a password, or an empty list. Long passwords that are nothing but a common
 * password, a keyboard walk or the user's own e-mail are refused however long they are.
 */
export function passwordProblems(password: string, userInputs: string[] = []): string[] {
  if (password.length < PASSWORD_MIN_LENGTH)
    return [`must be at least ${PASSWORD_MIN_LENGTH} characters long`];
  if (password.length > PASSWORD_MAX_LENGTH)
    return [`must be at most ${PASSWORD_MAX_LENGTH} characters long`];
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[@.\s_-]+/)]).filter((s) => s.length >= 3);
  const result = estimator.check(password, inputs);
  if (result.score >= MIN_SCORE) return [];
  const hint = result.feedback.warning ? `: ${result.feedback.warning}` : '';
  return [`is too easy to guess (a common password, a pattern or your own name or e-mail)${hint}`];
}
