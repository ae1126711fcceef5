import {
  APPLICATION_STATUSES,
  ApplicationStatus,
  isEditable,
  nextStatus,
  TransitionAction,
} from './application-state';

/** The whole workflow as a table: every (state, action) pair not listed must be refused. */
const ALLOWED: [ApplicationStatus, TransitionAction, ApplicationStatus][] = [
  ['draft', 'submit', 'submitted'],
  ['submitted', 'start_review', 'in_review'],
  ['resubmitted', 'start_review', 'in_review'],
  ['in_review', 'request_info', 'needs_info'],
  ['resubmitted', 'request_info', 'needs_info'],
  ['needs_info', 'resubmit', 'resubmitted'],
  ['in_review', 'approve', 'approved'],
  ['resubmitted', 'approve', 'approved'],
  ['in_review', 'reject', 'rejected'],
  ['resubmitted', 'reject', 'rejected'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['in_review', 'withdraw', 'withdrawn'],
  ['needs_info', 'withdraw', 'withdrawn'],
  ['resubmitted', 'withdraw', 'withdrawn'],
];

const ACTIONS: TransitionAction[] = [
  'submit',
  'start_review',
  'request_info',
  'resubmit',
  'approve',
  'reject',
  'withdraw',
];

describe('application workflow', () => {
  const pairs = APPLICATION_STATUSES.flatMap((from) => ACTIONS.map((action) => [from, action] as const));

  it.each(pairs)('%s --%s--> as the table says', (from, action) => {
    const row = ALLOWED.find(([f, a]) => f === from && a === action);
    expect(nextStatus(from, action)).toBe(row ? row[2] : null);
  });

  it.each(['approved', 'rejected', 'withdrawn'] as const)('%s is final', (status) => {
    expect(ACTIONS.map((a) => nextStatus(status, a)).filter(Boolean)).toEqual([]);
  });

  it.each([
    ['draft', true],
    ['needs_info', true],
    ['submitted', false],
    ['in_review', false],
    ['resubmitted', false],
    ['approved', false],
  ] as const)('%s is editable by the applicant: %s', (status, editable) => {
    expect(isEditable(status)).toBe(editable);
  });
});
