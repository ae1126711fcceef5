import { LOSS_REASONS, REVOKE_REASONS } from '../../../cards/card-status';
import { field, type FieldErrors, type FormResult } from '../../page-forms';

/** What staff may do to a card from the family page: the card API's four steps. */
export const CARD_FORM_ACTIONS = ['suspend', 'resume', 'revoke', 'report-lost'] as const;
export type CardFormAction = (typeof CARD_FORM_ACTIONS)[number];

/** The reasons each step takes, as the API's DTOs list them; suspend and resume take a note only. */
export const CARD_ACTION_REASONS: Record<CardFormAction, readonly string[]> = {
  suspend: [],
  resume: [],
  revoke: REVOKE_REASONS,
  'report-lost': LOSS_REASONS,
};

/** The longest note the API takes (SuspendCardDto, RevokeCardDto). */
export const NOTE_MAX = 500;

export const CARD_FIELDS = ['card', 'action', 'reason', 'note', 'waiveFee'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

/**
 * The family page's card form: one of the family's cards (`cards`), the step, its reason where the step takes
 * one, a note for the history, and for a lost card whether the duplicate fee is waived. Whether the card's state
 * allows the step is the cards service's to say.
 */
export function readCardForm(body: unknown, cards: readonly string[]): FormResult<CardField> {
  const form = {
    card: field(body, 'card'),
    action: field(body, 'action'),
    reason: field(body, 'reason'),
    note: field(body, 'note').trim(),
    waiveFee: field(body, 'waiveFee') === 'yes' ? 'yes' : '',
  };
  const action = (CARD_FORM_ACTIONS as readonly string[]).includes(form.action)
    ? (form.action as CardFormAction)
    : null;
  const reasons = action ? CARD_ACTION_REASONS[action] : [];
  const errors: FieldErrors<CardField> = {};
  if (!cards.includes(form.card)) errors.card = 'cardMissing';
  if (!action) errors.action = 'actionMissing';
  else if (reasons.length > 0 && !reasons.includes(form.reason))
    errors.reason = form.reason ? 'reasonNotFor' : 'reasonMissing';
  if (form.note.length > NOTE_MAX) errors.note = 'noteTooLong';
  // A reason chosen for another step is not sent along with this one.
  if (action && reasons.length === 0) form.reason = '';
  return { form, errors };
}

export type SearchField = 'q';

/** The search form: a last name, a card number or an application number, 2 to 100 characters (as the APIs take). */
export function readSearchForm(body: unknown): FormResult<SearchField> {
  const form = { q: field(body, 'q').trim() };
  const errors: FieldErrors<SearchField> = {};
  if (!form.q) errors.q = 'queryMissing';
  else if (form.q.length < 2) errors.q = 'queryShort';
  else if (form.q.length > 100) errors.q = 'queryLong';
  return { form, errors };
}
