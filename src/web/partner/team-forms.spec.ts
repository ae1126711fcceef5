import { readInviteForm, readKeyForm, readPeriodForm } from './team-forms';

describe('the team pages’ forms', () => {
  it.each([
    [{ displayName: ' Jan ', email: ' jan@kino.example ' }, {}],
    [{ displayName: '', email: 'jan@kino.example' }, { displayName: 'nameMissing' }],
    [{ displayName: 'x'.repeat(201), email: 'jan@kino.example' }, { displayName: 'nameLong' }],
    [{ displayName: 'Jan', email: '' }, { email: 'emailMissing' }],
    [{ displayName: 'Jan', email: 'jan@' }, { email: 'emailInvalid' }],
    [{ displayName: ['Jan', 'Jan'], email: 'jan@kino.example' }, { displayName: 'nameMissing' }],
  ])('reads the invite form %j', (body, errors) => {
    expect(readInviteForm(body).errors).toEqual(errors);
  });

  it('trims what it reads', () => {
    expect(readInviteForm({ displayName: ' Jan ', email: ' jan@kino.example ' }).form).toEqual({
      displayName: 'Jan',
      email: 'jan@kino.example',
    });
  });

  it.each([
    [{ name: 'Till 1' }, {}],
    [{ name: '   ' }, { name: 'nameMissing' }],
    [{ name: 'x'.repeat(101) }, { name: 'nameLong' }],
    [null, { name: 'nameMissing' }],
  ])('reads the key form %j', (body, errors) => {
    expect(readKeyForm(body).errors).toEqual(errors);
  });

  it.each([
    [{}, {}],
    [{ from: '2026-03-01', to: '2026-03-31' }, {}],
    [{ from: '2026-03-01', to: '2026-03-01' }, {}],
    [{ from: '2026-02-30' }, { from: 'dateInvalid' }],
    [{ to: '31.03.2026' }, { to: 'dateInvalid' }],
    [{ from: '2026-04-01', to: '2026-03-31' }, { from: 'fromAfterTo' }],
  ])('reads the period %j', (query, errors) => {
    expect(readPeriodForm(query).errors).toEqual(errors);
  });
});
