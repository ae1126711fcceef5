export const APPLICATION_TYPES = ['new_family', 'add_member', 'extend', 'duplicate_card'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'needs_info',
  'resubmitted',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = [
  'create',
  'submit',
  'start_review',
  'request_info',
  'resubmit',
  'approve',
  'reject',
  'withdraw',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** Who may take an action: the applicant (the family, or the case worker acting for a walk-in) or staff. */
export type ActionParty = 'applicant' | 'staff';

interface Transition {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  by: ActionParty;
}

const OPEN: readonly ApplicationStatus[] = ['draft', 'submitted', 'in_review', 'needs_info', 'resubmitted'];

/** The whole workflow. A case worker may decide on a resubmission directly or take it back into review. */
export const TRANSITIONS: Record<Exclude<ApplicationAction, 'create'>, Transition> = {
  submit: { from: ['draft'], to: 'submitted', by: 'applicant' },
  start_review: { from: ['submitted', 'resubmitted'], to: 'in_review', by: 'staff' },
  request_info: { from: ['in_review', 'resubmitted'], to: 'needs_info', by: 'staff' },
  resubmit: { from: ['needs_info'], to: 'resubmitted', by: 'applicant' },
  approve: { from: ['in_review', 'resubmitted'], to: 'approved', by: 'staff' },
  reject: { from: ['in_review', 'resubmitted'], to: 'rejected', by: 'staff' },
  withdraw: { from: OPEN, to: 'withdrawn', by: 'applicant' },
};

export type TransitionAction = keyof typeof TRANSITIONS;

/** The state an action leads to from `from`, or null when the workflow does not allow it. */
export function nextStatus(from: ApplicationStatus, action: TransitionAction): ApplicationStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

/** The applicant may change the application's content only while it is theirs to edit. */
export const isEditable = (status: ApplicationStatus): boolean =>
  status === 'draft' || status === 'needs_info';

export const isOpen = (status: ApplicationStatus): boolean => OPEN.includes(status);

/** Statuses that wait for a case worker: what the review queue shows by default. */
export const AWAITING_STAFF: readonly ApplicationStatus[] = ['submitted', 'in_review', 'resubmitted'];

/** Reasons a case worker picks from when deciding (free text goes with them). */
export const DECISION_REASONS = {
  approve: ['meets_rules', 'meets_rules_after_documents', 'exception_by_decision'],
  reject: [
    'too_few_children',
    'residency_not_met',
    'documents_missing',
    'documents_invalid',
    'member_in_other_family',
    'duplicate_application',
    'other',
  ],
  request_info: ['document_needed', 'data_mismatch', 'unreadable_document', 'other'],
} as const;
