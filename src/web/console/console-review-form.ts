import { DECISION_REASONS } from '../../applications/application-state';
import { field, FieldErrors, FormResult } from '../page-forms';

export const DECISIONS = ['approve', 'reject', 'request_info'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_FIELDS = ['decision', 'reason', 'message'] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];

/**
 * The review page's decision form: a decision, one of that decision's reason codes, and an optional message to
 * the family (up to 2,000 characters, as the service takes it). Errors are message keys at their fields.
 */
export function readDecisionForm(body: unknown): FormResult<DecisionField> {
  const form = {
    decision: field(body, 'decision'),
    reason: field(body, 'reason'),
    message: field(body, 'message').trim(),
  };
  const errors: FieldErrors<DecisionField> = {};
  const decision = (DECISIONS as readonly string[]).includes(form.decision)
    ? (form.decision as Decision)
    : null;
  if (!decision) errors.decision = 'decisionMissing';
  else if (!(DECISION_REASONS[decision] as readonly string[]).includes(form.reason))
    errors.reason = form.reason ? 'reasonNotFor' : 'reasonMissing';
  if (form.message.length > 2000) errors.message = 'messageTooLong';
  return { form, errors };
}
