import {
  isOfferDecision,
  isPartnerDecision,
  offerReasonRequired,
  partnerReasonRequired,
  readDecision,
} from './console-partners-forms';

describe('console partner and offer decision forms', () => {
  it.each([
    [{ reason: '  Closed for good  ' }, true, { reason: 'Closed for good' }],
    [{ reason: '   ' }, true, { reason: '', error: 'reasonMissing' }],
    [{}, true, { reason: '', error: 'reasonMissing' }],
    [{ reason: ['two', 'values'] }, true, { reason: '', error: 'reasonMissing' }],
    [{ reason: 'x'.repeat(500) }, true, { reason: 'x'.repeat(500) }],
    [{ reason: 'x'.repeat(501) }, true, { reason: 'x'.repeat(501), error: 'reasonTooLong' }],
    // A decision without a reason field ignores whatever is sent as one.
    [{ reason: 'x'.repeat(900) }, false, { reason: '' }],
    [null, false, { reason: '' }],
  ])('reads %j (reason required: %s) as %j', (body, required, expected) => {
    expect(readDecision(body, required)).toEqual(expected);
  });

  it('knows the decisions of the partners and offers APIs, and which need a reason', () => {
    expect(['approve', 'reject', 'suspend', 'reinstate', 'end'].filter(isPartnerDecision)).toHaveLength(5);
    expect(isPartnerDecision('delete')).toBe(false);
    expect(['approve', 'reject', 'pause', 'end'].filter(isOfferDecision)).toEqual(['approve', 'reject']);
    expect(
      (['approve', 'reject', 'suspend', 'reinstate', 'end'] as const).filter(partnerReasonRequired),
    ).toEqual(['reject', 'suspend', 'end']);
    expect(offerReasonRequired('reject')).toBe(true);
    expect(offerReasonRequired('approve')).toBe(false);
  });
});
