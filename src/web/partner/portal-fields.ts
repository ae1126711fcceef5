import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FieldError } from '../../common/problem/problem';
import { ProblemException } from '../../common/problem/problem.exception';
import { flattenValidationErrors } from '../../common/problem/validation-errors';

/*
 * The partner portal's forms: flat HTML fields read into the API's DTOs, checked by the API's own DTO classes
 * (as the ValidationPipe checks them) and then by the services; every refusal lands at the field it is about,
 * as a message key of the page's `partnerPortal.errors`.
 */

/** Form field → message key. */
export type FormErrors = Record<string, string>;

/** A choice in a select, a radio group or a group of checkboxes. */
export interface Choice {
  value: string;
  label: string;
  selected: boolean;
}

type Control = 'input' | 'textarea' | 'select' | 'radios' | 'checkbox' | 'checkboxes';

/** One field as templates/web/partner-portal-field.html.hbs shows it. */
export interface FieldView {
  name: string;
  label: string;
  hint: string | null;
  error: string | null;
  describedBy: string | null;
  value: string;
  control: Record<Control, boolean>;
  type: string;
  autocomplete: string;
  inputmode: string | null;
  /** The field's text language, when it is not the page's (an offer's title in Polish on an English page). */
  lang: string | null;
  options: (Choice & { id: string })[];
  checked: boolean;
  disabled: boolean;
}

export interface FieldSpec {
  name: string;
  label: string;
  hint?: string | null;
  control?: Control;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  lang?: string | null;
  options?: Choice[];
}

/** The fields' views with their values and errors; `errorTexts` are the page's error messages by key. */
export function fieldViews(
  specs: FieldSpec[],
  values: Record<string, string | string[]>,
  errors: FormErrors,
  errorTexts: Record<string, string>,
  disabled = false,
): FieldView[] {
  return specs.map((spec) => {
    const control = spec.control ?? 'input';
    const raw = values[spec.name];
    const value = typeof raw === 'string' ? raw : '';
    const chosen = Array.isArray(raw) ? raw : [value];
    const error = errors[spec.name] ? (errorTexts[errors[spec.name]] ?? errors[spec.name]) : null;
    const ids = [spec.hint ? `${spec.name}-hint` : null, error ? `${spec.name}-error` : null].filter(Boolean);
    return {
      name: spec.name,
      label: spec.label,
      hint: spec.hint ?? null,
      error,
      describedBy: ids.length ? ids.join(' ') : null,
      value,
      control: {
        input: control === 'input',
        textarea: control === 'textarea',
        select: control === 'select',
        radios: control === 'radios',
        checkbox: control === 'checkbox',
        checkboxes: control === 'checkboxes',
      },
      type: spec.type ?? 'text',
      autocomplete: spec.autocomplete ?? 'off',
      inputmode: spec.inputmode ?? null,
      lang: spec.lang ?? null,
      // The first choice carries the field's own id: the error summary links to it.
      options: (spec.options ?? []).map((o, i) => ({
        ...o,
        id: i === 0 ? spec.name : `${spec.name}-${o.value}`,
        selected: chosen.includes(o.value),
      })),
      checked: control === 'checkbox' && value === 'yes',
      disabled,
    };
  });
}

/** The error summary's entries, in the fields' order. */
export const errorSummary = (fields: FieldView[]) =>
  fields.filter((f) => f.error).map((f) => ({ field: f.name, message: f.error }));

/** class-validator's verdict on `plain` as the DTO class `type`, as the API's ValidationPipe gives it. */
export function dtoProblems<T extends object>(type: new () => T, plain: object): FieldError[] {
  const dto = plainToInstance(type, plain);
  return flattenValidationErrors(
    validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true }),
  );
}

/**
 * Problems at form fields: `place` names the form field and message key of an API field path (null: not
 * the form's, left to `fallback`). The first problem of a field wins.
 */
export function placeProblems(
  problems: FieldError[],
  place: (path: string, message: string) => [field: string, key: string] | null,
  fallback: [field: string, key: string],
): FormErrors {
  const errors: FormErrors = {};
  for (const p of problems) {
    const [field, key] = place(p.field, p.message) ?? fallback;
    errors[field] ??= key;
  }
  return errors;
}

/** A service's refusal as its status and field problems; null for anything else (rethrown by the caller). */
export function refusal(error: unknown): { status: number; problems: FieldError[] } | null {
  if (!(error instanceof ProblemException)) return null;
  const { status, errors } = error.problem;
  if (status !== 400 && status !== 409) return null;
  return { status, problems: errors ?? [] };
}

/** The form's text, trimmed; blank reads as undefined (an optional field left empty). */
export const optional = (text: string): string | undefined => (text.trim() ? text.trim() : undefined);
