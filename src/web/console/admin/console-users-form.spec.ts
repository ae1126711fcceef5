import { readNewUserForm, readUserActionForm } from './console-users-form';

describe('readNewUserForm', () => {
  it.each<[Record<string, unknown>, Record<string, string>]>([
    [{ displayName: ' Anna Nowak ', email: 'anna@city.example', role: 'case_worker' }, {}],
    [{}, { displayName: 'nameMissing', email: 'emailMissing', role: 'roleMissing' }],
    [{ displayName: 'x'.repeat(201), email: 'a@b.example', role: 'admin' }, { displayName: 'nameLong' }],
    [{ displayName: 'A', email: 'not-an-email', role: 'auditor' }, { email: 'emailInvalid' }],
    [{ displayName: 'A', email: `${'a'.repeat(250)}@b.pl`, role: 'auditor' }, { email: 'emailInvalid' }],
    // Only staff roles: merchant and family accounts are created by their own workflows.
    [{ displayName: 'A', email: 'a@b.example', role: 'merchant_owner' }, { role: 'roleMissing' }],
    [{ displayName: 'A', email: 'a@b.example', role: 'family' }, { role: 'roleMissing' }],
    [{ displayName: ['A', 'B'], email: 'a@b.example', role: 'admin' }, { displayName: 'nameMissing' }],
  ])('%j → %j', (body, errors) => {
    expect(readNewUserForm(body).errors).toEqual(errors);
  });

  it('trims the name and e-mail', () => {
    expect(readNewUserForm({ displayName: ' Anna ', email: ' a@b.example ', role: 'admin' }).form).toEqual({
      displayName: 'Anna',
      email: 'a@b.example',
      role: 'admin',
    });
  });
});

describe('readUserActionForm', () => {
  it.each<[Record<string, unknown>, object | null, Record<string, string>]>([
    [{ action: 'role', role: 'auditor' }, { role: 'auditor' }, {}],
    [{ action: 'role', role: 'merchant_cashier' }, null, { role: 'roleMissing' }],
    [{ action: 'role' }, null, { role: 'roleMissing' }],
    [{ action: 'disable' }, { disabled: true }, {}],
    [{ action: 'enable', role: 'admin' }, { disabled: false }, {}],
    [{ action: 'unlock' }, { locked: false }, {}],
    [{ action: 'delete' }, null, { action: 'actionMissing' }],
    [{}, null, { action: 'actionMissing' }],
  ])('%j → %j %j', (body, update, errors) => {
    const read = readUserActionForm(body);
    expect(read.update).toEqual(update);
    expect(read.errors).toEqual(errors);
  });
});
