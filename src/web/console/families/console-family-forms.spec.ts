import { readCardForm, readSearchForm } from './console-family-forms';

const CARD = '0190d0a4-51f2-7c3b-8a9e-2b3c4d5e6f70';

describe('readCardForm (the family page’s card form)', () => {
  it.each([
    [{ card: CARD, action: 'suspend', note: ' away ' }, {}],
    [{ card: CARD, action: 'resume' }, {}],
    [{ card: CARD, action: 'revoke', reason: 'fraud' }, {}],
    [{ card: CARD, action: 'report-lost', reason: 'stolen', waiveFee: 'yes' }, {}],
    [{ card: 'other', action: 'suspend' }, { card: 'cardMissing' }],
    [{ card: CARD, action: 'delete' }, { action: 'actionMissing' }],
    [{ card: CARD }, { action: 'actionMissing' }],
    [{ card: CARD, action: 'revoke' }, { reason: 'reasonMissing' }],
    [{ card: CARD, action: 'revoke', reason: 'stolen' }, { reason: 'reasonNotFor' }],
    [{ card: CARD, action: 'report-lost', reason: 'fraud' }, { reason: 'reasonNotFor' }],
    [{ card: CARD, action: 'suspend', note: 'x'.repeat(501) }, { note: 'noteTooLong' }],
    [
      { card: [CARD, CARD], action: ['suspend'] },
      { card: 'cardMissing', action: 'actionMissing' },
    ],
    ['not a form', { card: 'cardMissing', action: 'actionMissing' }],
  ])('%j → %j', (body, errors) => {
    expect(readCardForm(body, [CARD]).errors).toEqual(errors);
  });

  it('trims the note, reads the fee box, and drops a reason the step does not take', () => {
    expect(
      readCardForm({ card: CARD, action: 'suspend', reason: 'fraud', note: ' away ', waiveFee: 'on' }, [CARD])
        .form,
    ).toEqual({ card: CARD, action: 'suspend', reason: '', note: 'away', waiveFee: '' });
    expect(
      readCardForm({ card: CARD, action: 'report-lost', reason: 'lost', waiveFee: 'yes' }, [CARD]).form,
    ).toMatchObject({ reason: 'lost', waiveFee: 'yes' });
  });
});

describe('readSearchForm', () => {
  it.each([
    [{ q: ' Nowak ' }, { q: 'Nowak' }, {}],
    [{ q: '' }, { q: '' }, { q: 'queryMissing' }],
    [{}, { q: '' }, { q: 'queryMissing' }],
    [{ q: 'N' }, { q: 'N' }, { q: 'queryShort' }],
    [{ q: 'N'.repeat(101) }, { q: 'N'.repeat(101) }, { q: 'queryLong' }],
  ])('%j', (body, form, errors) => {
    expect(readSearchForm(body)).toEqual({ form, errors });
  });
});
