import { readDecisionForm } from './console-review-form';

describe('readDecisionForm', () => {
  it.each([
    { name: 'an approval', body: { decision: 'approve', reason: 'meets_rules' }, errors: {} },
    {
      name: 'a rejection with a message',
      body: { decision: 'reject', reason: 'too_few_children', message: ' Two children. ' },
      errors: {},
      message: 'Two children.',
    },
    { name: 'a request for information', body: { decision: 'request_info', reason: 'other' }, errors: {} },
    { name: 'no decision', body: { reason: 'meets_rules' }, errors: { decision: 'decisionMissing' } },
    { name: 'an unknown decision', body: { decision: 'withdraw' }, errors: { decision: 'decisionMissing' } },
    { name: 'no reason', body: { decision: 'reject' }, errors: { reason: 'reasonMissing' } },
    {
      name: 'another decision’s reason',
      body: { decision: 'approve', reason: 'too_few_children' },
      errors: { reason: 'reasonNotFor' },
    },
    {
      name: 'a message too long',
      body: { decision: 'approve', reason: 'meets_rules', message: 'x'.repeat(2001) },
      errors: { message: 'messageTooLong' },
    },
    { name: 'not a form at all', body: null, errors: { decision: 'decisionMissing' } },
    {
      name: 'fields that are not text',
      body: { decision: ['approve'] },
      errors: { decision: 'decisionMissing' },
    },
  ])('$name', ({ body, errors, message }) => {
    const read = readDecisionForm(body);
    expect(read.errors).toEqual(errors);
    if (message !== undefined) expect(read.form.message).toBe(message);
  });
});
