import { HttpException } from '@nestjs/common';
import { isEmail, isUUID } from 'class-validator';
import { LOSS_REASONS } from '../cards/card-status';
import { kindOf, Role } from '../auth/roles';

/**
 * What people type into the pages' forms, read without trusting its shape: a field missing or sent twice reads
 * as blank text. Errors are message keys of the page's section; page-forms.spec.ts lists the cases.
 */
export const field = (body: unknown, name: string): string => {
  const value =
    body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FormResult<F extends string> {
  form: Record<F, string>;
  errors: FieldErrors<F>;
}

export type SignInField = 'email' | 'password';
export type RegisterField = 'displayName' | 'email' | 'password';

const emailError = (email: string): string | undefined =>
  !email ? 'emailMissing' : email.length > 254 || !isEmail(email) ? 'emailInvalid' : undefined;

export function readSignInForm(body: unknown): FormResult<SignInField> {
  const form = { email: field(body, 'email').trim(), password: field(body, 'password') };
  const errors: FieldErrors<SignInField> = {
    email: emailError(form.email),
    password: !form.password ? 'passwordMissing' : form.password.length > 256 ? 'passwordLong' : undefined,
  };
  return { form, errors: defined(errors) };
}

/** The password's strength is the account service's to judge (password-policy.ts); here only its presence. */
export function readRegisterForm(body: unknown): FormResult<RegisterField> {
  const form = {
    displayName: field(body, 'displayName').trim(),
    email: field(body, 'email').trim(),
    password: field(body, 'password'),
  };
  const errors: FieldErrors<RegisterField> = {
    displayName: !form.displayName ? 'nameMissing' : form.displayName.length > 200 ? 'nameLong' : undefined,
    email: emailError(form.email),
    password: !form.password ? 'passwordMissing' : undefined,
  };
  return { form, errors: defined(errors) };
}

const defined = <F extends string>(errors: FieldErrors<F>): FieldErrors<F> =>
  Object.fromEntries(Object.entries(errors).filter(([, v]) => v !== undefined)) as FieldErrors<F>;

/** Where each kind of account lands after signing in: a partner's owner on its portal, a cashier at the till. */
export function homeOf(role: Role): string {
  if (role === 'merchant_owner') return '/partner';
  return { family: '/account', staff: '/console', merchant: '/merchant/check' }[kindOf(role)];
}

export interface FieldView {
  value: string;
  error: string | null;
  /** `aria-describedby`: the field's hint and its error, when present. */
  describedBy: string | null;
}

/**
 * A form's fields and errors as the templates show them: an error summary linking to each field in the form's
 * order, and each field's error tied to it (`<id>-error`, `aria-describedby`, `aria-invalid`).
 */
export function formView<F extends string>(
  order: readonly F[],
  form: Partial<Record<F, string>>,
  errors: FieldErrors<F>,
  messages: Record<string, string>,
  hints: Partial<Record<F, boolean>> = {},
) {
  const fields = Object.fromEntries(
    order.map((name) => {
      const error = errors[name] ? messages[errors[name]] : null;
      const ids = [hints[name] ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
      return [name, { value: form[name] ?? '', error, describedBy: ids.length ? ids.join(' ') : null }];
    }),
  ) as Record<F, FieldView>;
  return {
    fields,
    errors: order
      .filter((name) => fields[name].error)
      .map((name) => ({ field: name, message: fields[name].error })),
  };
}

const statusOf = (error: unknown): number | null =>
  error instanceof HttpException ? error.getStatus() : null;

/** Why the account service refused a sign-in, as a message key; null for anything else (rethrown). */
export function signInFailure(error: unknown): string | null {
  return (
    ({ 401: 'wrongLogin', 403: 'disabled', 429: 'locked' } as Record<number, string>)[statusOf(error) ?? 0] ??
    null
  );
}

/** Why the account service refused a registration: the password policy (400) or a taken e-mail (409). */
export function registerFailure(error: unknown): { field: RegisterField; key: string } | null {
  const status = statusOf(error);
  if (status === 400) return { field: 'password', key: 'passwordWeak' };
  if (status === 409) return { field: 'email', key: 'emailTaken' };
  return null;
}

export type LostCardField = 'card' | 'reason' | 'confirm';

/** The account page's lost-card form: which card, what happened, and the confirmation box ticked. */
export function readLostCardForm(body: unknown): FormResult<LostCardField> {
  const form = { card: field(body, 'card'), reason: field(body, 'reason'), confirm: field(body, 'confirm') };
  const errors: FieldErrors<LostCardField> = {
    card: isUUID(form.card) ? undefined : 'cardMissing',
    reason: (LOSS_REASONS as readonly string[]).includes(form.reason) ? undefined : 'reasonMissing',
    confirm: form.confirm === 'yes' ? undefined : 'confirmMissing',
  };
  return { form, errors: defined(errors) };
}

export type NewbornField = 'childFirstName' | 'childLastName' | 'childBirthDate' | 'childNationalId';
export type EducationField = 'educationMember' | 'educationEnd' | 'educationInstitution';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date written YYYY-MM-DD that exists (no 31 April). */
export function isCalendarDate(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A date field's error key: blank is `missing` (null: a blank date is allowed), else it must be a real date. */
export const dateError = (text: string, missing: string | null): string | undefined =>
  !text ? (missing ?? undefined) : isCalendarDate(text) ? undefined : 'dateInvalid';

/** The account page's "add a newborn" form (field ids prefixed: the page has other forms). */
export function readNewbornForm(body: unknown): FormResult<NewbornField> {
  const form = {
    childFirstName: field(body, 'childFirstName').trim(),
    childLastName: field(body, 'childLastName').trim(),
    childBirthDate: field(body, 'childBirthDate').trim(),
    childNationalId: field(body, 'childNationalId').trim(),
  };
  const errors: FieldErrors<NewbornField> = {
    childFirstName: !form.childFirstName
      ? 'firstNameMissing'
      : form.childFirstName.length > 100
        ? 'tooLong'
        : undefined,
    childLastName: !form.childLastName
      ? 'lastNameMissing'
      : form.childLastName.length > 100
        ? 'tooLong'
        : undefined,
    childBirthDate: dateError(form.childBirthDate, 'birthDateMissing'),
    childNationalId: form.childNationalId.length > 32 ? 'tooLong' : undefined,
  };
  return { form, errors: defined(errors) };
}

/** The account page's "extend for education" form: which child, until when, and the school (optional). */
export function readEducationForm(body: unknown): FormResult<EducationField> {
  const form = {
    educationMember: field(body, 'educationMember'),
    educationEnd: field(body, 'educationEnd').trim(),
    educationInstitution: field(body, 'educationInstitution').trim(),
  };
  const errors: FieldErrors<EducationField> = {
    educationMember: isUUID(form.educationMember) ? undefined : 'childMissing',
    educationEnd: dateError(form.educationEnd, 'educationEndMissing'),
    educationInstitution: form.educationInstitution.length > 200 ? 'tooLong' : undefined,
  };
  return { form, errors: defined(errors) };
}
