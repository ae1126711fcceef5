import { HttpException, UnauthorizedException } from '@nestjs/common';
import { ProblemException } from '../common/problem/problem.exception';
import {
  field,
  formView,
  homeOf,
  readEducationForm,
  readLostCardForm,
  readNewbornForm,
  readRegisterForm,
  readSignInForm,
  registerFailure,
  signInFailure,
} from './page-forms';

describe('page forms', () => {
  it.each([
    [{ a: 'x' }, 'x'],
    [{ a: ['x', 'y'] }, ''], // sent twice
    [{}, ''],
    [null, ''],
    ['a=x', ''],
  ])('reads a field of %j as %j', (body, value) => {
    expect(field(body, 'a')).toBe(value);
  });

  it.each([
    [{ email: ' anna@example.com ', password: 'secret' }, {}],
    [{}, { email: 'emailMissing', password: 'passwordMissing' }],
    [
      { email: 'anna', password: 'x'.repeat(257) },
      { email: 'emailInvalid', password: 'passwordLong' },
    ],
    [{ email: `${'a'.repeat(250)}@example.com`, password: 'x' }, { email: 'emailInvalid' }],
  ])('sign-in form %j has errors %j', (body, errors) => {
    expect(readSignInForm(body).errors).toEqual(errors);
  });

  it('keeps the e-mail trimmed and the password as typed', () => {
    expect(readSignInForm({ email: ' a@b.pl ', password: ' p ' }).form).toEqual({
      email: 'a@b.pl',
      password: ' p ',
    });
  });

  it.each([
    [{ displayName: 'Anna', email: 'a@b.pl', password: 'long enough words' }, {}],
    [
      { displayName: ' ', email: '', password: '' },
      { displayName: 'nameMissing', email: 'emailMissing', password: 'passwordMissing' },
    ],
    [{ displayName: 'x'.repeat(201), email: 'a@b.pl', password: 'p' }, { displayName: 'nameLong' }],
  ])('registration form %j has errors %j', (body, errors) => {
    expect(readRegisterForm(body).errors).toEqual(errors);
  });

  it.each([
    [{ card: '0b0f7f5e-1f6a-4a37-9a51-3f1c2b6e9d10', reason: 'stolen', confirm: 'yes' }, {}],
    [
      { card: 'x', reason: 'burnt', confirm: 'on' },
      { card: 'cardMissing', reason: 'reasonMissing', confirm: 'confirmMissing' },
    ],
  ])('lost-card form %j has errors %j', (body, errors) => {
    expect(readLostCardForm(body).errors).toEqual(errors);
  });

  it.each([
    ['family', '/account'],
    ['admin', '/console'],
    ['case_worker', '/console'],
    ['merchant_owner', '/partner'],
    ['merchant_cashier', '/merchant/check'],
  ] as const)('sends a %s home to %s', (role, path) => {
    expect(homeOf(role)).toBe(path);
  });

  it.each([
    [new UnauthorizedException(), 'wrongLogin'],
    [new HttpException('disabled', 403), 'disabled'],
    [new HttpException('locked', 429), 'locked'],
    [new HttpException('boom', 500), null],
    [new Error('db down'), null],
  ])('names a refused sign-in: %s → %s', (error, key) => {
    expect(signInFailure(error)).toBe(key);
  });

  it.each([
    [
      ProblemException.validation([{ field: 'password', message: 'too easy' }]),
      { field: 'password', key: 'passwordWeak' },
    ],
    [ProblemException.conflict('email-taken', 'taken'), { field: 'email', key: 'emailTaken' }],
    [new Error('db down'), null],
  ])('names a refused registration: %s', (error, failure) => {
    expect(registerFailure(error)).toEqual(failure);
  });

  it('ties each error to its field, after the hint, and lists them in the form’s order', () => {
    const view = formView(
      ['name', 'email', 'password'],
      { name: 'Anna', email: 'x' },
      { password: 'passwordMissing', email: 'emailInvalid' },
      { passwordMissing: 'Enter a password.', emailInvalid: 'Not an address.' },
      { password: true },
    );
    expect(view.errors).toEqual([
      { field: 'email', message: 'Not an address.' },
      { field: 'password', message: 'Enter a password.' },
    ]);
    expect(view.fields).toEqual({
      name: { value: 'Anna', error: null, describedBy: null },
      email: { value: 'x', error: 'Not an address.', describedBy: 'email-error' },
      password: { value: '', error: 'Enter a password.', describedBy: 'password-hint password-error' },
    });
  });

  it.each([
    [{ childFirstName: 'Ala', childLastName: 'Nowak', childBirthDate: '2026-01-05' }, {}],
    [
      {
        childFirstName: ' ',
        childLastName: 'x'.repeat(101),
        childBirthDate: '05.01.2026',
        childNationalId: '1'.repeat(33),
      },
      {
        childFirstName: 'firstNameMissing',
        childLastName: 'tooLong',
        childBirthDate: 'dateInvalid',
        childNationalId: 'tooLong',
      },
    ],
    [
      {},
      {
        childFirstName: 'firstNameMissing',
        childLastName: 'lastNameMissing',
        childBirthDate: 'birthDateMissing',
      },
    ],
  ])('newborn form %j has errors %j', (body, errors) => {
    expect(readNewbornForm(body).errors).toEqual(errors);
  });

  it.each([
    [{ educationMember: '0b0f7f5e-1f6a-4a37-9a51-3f1c2b6e9d10', educationEnd: '2030-06-30' }, {}],
    [
      { educationMember: 'Zofia', educationEnd: '' },
      { educationMember: 'childMissing', educationEnd: 'educationEndMissing' },
    ],
    [
      {
        educationMember: '0b0f7f5e-1f6a-4a37-9a51-3f1c2b6e9d10',
        educationEnd: '2030-02-30',
        educationInstitution: 'x'.repeat(201),
      },
      { educationEnd: 'dateInvalid', educationInstitution: 'tooLong' },
    ],
  ])('education form %j has errors %j', (body, errors) => {
    expect(readEducationForm(body).errors).toEqual(errors);
  });
});
