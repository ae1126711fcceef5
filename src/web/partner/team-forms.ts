import { isEmail } from 'class-validator';
import { field, type FieldErrors, type FormResult, isCalendarDate } from '../page-forms';

export const INVITE_FIELDS = ['displayName', 'email'] as const;
export type InviteField = (typeof INVITE_FIELDS)[number];
export const KEY_FIELDS = ['name'] as const;
export type KeyField = (typeof KEY_FIELDS)[number];
export const PERIOD_FIELDS = ['from', 'to'] as const;
export type PeriodField = (typeof PERIOD_FIELDS)[number];

const only = <F extends string>(errors: FieldErrors<F>): FieldErrors<F> =>
  Object.fromEntries(Object.entries(errors).filter(([, v]) => v)) as FieldErrors<F>;

/** The "invite a cashier" form: a name (up to 200 characters) and an e-mail, as InviteMerchantDto takes them. */
export function readInviteForm(body: unknown): FormResult<InviteField> {
  const form = { displayName: field(body, 'displayName').trim(), email: field(body, 'email').trim() };
  return {
    form,
    errors: only<InviteField>({
      displayName: !form.displayName ? 'nameMissing' : form.displayName.length > 200 ? 'nameLong' : undefined,
      email: !form.email
        ? 'emailMissing'
        : form.email.length > 254 || !isEmail(form.email)
          ? 'emailInvalid'
          : undefined,
    }),
  };
}

/** The "new API key" form: what the key is for, up to 100 characters (CreateApiKeyDto). */
export function readKeyForm(body: unknown): FormResult<KeyField> {
  const form = { name: field(body, 'name').trim() };
  return {
    form,
    errors: only<KeyField>({
      name: !form.name ? 'nameMissing' : form.name.length > 100 ? 'nameLong' : undefined,
    }),
  };
}

/**
 * The statistics period (GET form): each date blank (the report's default) or a real YYYY-MM-DD, and `from` not
 * after `to`. The report's own rules (at most 366 days) are the service's: its answer is tied to the field too.
 */
export function readPeriodForm(query: { from?: string; to?: string }): FormResult<PeriodField> {
  const form = { from: (query.from ?? '').trim(), to: (query.to ?? '').trim() };
  const bad = (text: string) => (text && !isCalendarDate(text) ? 'dateInvalid' : undefined);
  const errors = only<PeriodField>({ from: bad(form.from), to: bad(form.to) });
  if (!errors.from && !errors.to && form.from && form.to && form.from > form.to) errors.from = 'fromAfterTo';
  return { form, errors };
}
