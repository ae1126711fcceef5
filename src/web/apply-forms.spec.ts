import {
  memberInputs,
  readMembersForm,
  readStatementsForm,
  serviceErrors,
  STATEMENT_FIELDS,
  withStatements,
} from './apply-forms';
import { uploadErrors } from './apply-upload';
import { ProblemException } from '../common/problem/problem.exception';
import { problemFor } from '../common/problem/problem';
import { maskedCardNumber, refusalAt } from './account-page';
import { isCalendarDate } from './page-forms';

const ADDRESS = { street: 'Krakowskie Przedmieście 1', postalCode: '20-002', city: 'Lublin' };
const anna = {
  firstName: 'Anna',
  lastName: 'Nowak',
  birthDate: '1985-03-14',
  role: 'parent',
  nationalId: '',
};
const row = (i: number, p: Record<string, string>) =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [`${k}-${i}`, v]));

describe('application wizard forms', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['2024-4-3', false],
    ['14.03.1985', false],
    ['', false],
  ])('%s is a calendar date: %s', (text, ok) => {
    expect(isCalendarDate(text)).toBe(ok);
  });

  it.each([
    ['a complete household', { ...ADDRESS, ...row(0, anna) }, {}],
    ['no people', { ...ADDRESS }, { 'firstName-0': 'peopleMissing' }],
    [
      'a bad address',
      { street: '', postalCode: '20_002', city: 'x'.repeat(101), phone: 'call me', ...row(0, anna) },
      { street: 'streetMissing', postalCode: 'postalCodeInvalid', city: 'tooLong', phone: 'phoneInvalid' },
    ],
    [
      'a half-filled person in the third row',
      {
        ...ADDRESS,
        ...row(0, anna),
        ...row(2, { firstName: 'Jan', birthDate: '2019-02-30', role: 'uncle' }),
      },
      { 'lastName-2': 'lastNameMissing', 'birthDate-2': 'dateInvalid', 'role-2': 'roleMissing' },
    ],
    ['an empty row (skipped)', { ...ADDRESS, ...row(0, anna), ...row(1, { role: 'child' }) }, {}],
    [
      'a saved person emptied (taken off)',
      { ...ADDRESS, ...row(0, anna), ...row(1, { key: 'k1', role: 'child' }) },
      {},
    ],
  ])('household form with %s', (_about, body, errors) => {
    expect(readMembersForm(body, new Set(['k1'])).errors).toEqual(errors);
  });

  it('keeps the row index of each person and a saved key only when it is one of the draft’s', () => {
    const body = {
      ...ADDRESS,
      ...row(1, { ...anna, key: 'k1' }),
      ...row(3, { ...anna, key: 'forged' }),
      action: 'more',
    };
    const form = readMembersForm(body, new Set(['k1']));
    expect(form.rows.map((r) => [r.index, r.key])).toEqual([
      [1, 'k1'],
      [3, ''],
    ]);
    expect(form.more).toBe(true);
  });

  it('states a saved person again with their statements and ID number unless the form changes them', () => {
    const saved = new Map([
      ['k1', { ...anna, role: 'parent' as const, nationalId: '85031412345', educationEnd: '2030-06-30' }],
    ]);
    const rows = readMembersForm(
      {
        ...ADDRESS,
        ...row(0, { ...anna, key: 'k1', lastName: 'Nowak-Kowalska' }),
        ...row(1, { ...anna, nationalId: '1' }),
      },
      new Set(['k1']),
    ).rows;
    expect(memberInputs(rows, saved)).toEqual([
      { ...anna, lastName: 'Nowak-Kowalska', nationalId: '85031412345', educationEnd: '2030-06-30' },
      { ...anna, nationalId: '1' },
    ]);
  });

  it('reads statements per person: dates checked, a school needs an end date, blank clears', () => {
    const { statements, errors } = readStatementsForm(
      { 'educationEnd-0': '2031-06-31', 'educationInstitution-1': 'SP 5', 'disabilityUntil-1': '2030-01-01' },
      2,
    );
    expect(errors).toEqual({ 'educationEnd-0': 'dateInvalid', 'educationEnd-1': 'educationEndMissing' });
    const people = [
      { ...anna, role: 'child' as const, educationEnd: '2029-06-30' },
      { ...anna, role: 'child' as const },
    ];
    expect(
      withStatements(people, [
        { educationEnd: '', educationInstitution: '', disabilityUntil: '' },
        statements[1],
      ]),
    ).toEqual([
      {
        ...anna,
        role: 'child',
        educationEnd: undefined,
        educationInstitution: undefined,
        disabilityUntil: undefined,
      },
      {
        ...anna,
        role: 'child',
        educationEnd: undefined,
        educationInstitution: 'SP 5',
        disabilityUntil: '2030-01-01',
      },
    ]);
  });

  it.each([
    [
      [{ field: 'members[1].nationalId', message: 'bad checksum' }],
      [0, 4],
      { 'nationalId-4': 'nationalIdInvalid' },
    ],
    [[{ field: 'members[0].birthDate', message: 'x' }], [2], { 'birthDate-2': 'invalid' }],
    [[{ field: 'members[0].nationalIdFormat', message: 'x' }], [0], { 'nationalId-0': 'nationalIdInvalid' }],
    [[{ field: 'postalCode', message: 'x' }], [], { postalCode: 'invalid' }],
  ])('puts the service’s errors %j at the form’s fields', (errors, rows, found) => {
    expect(serviceErrors(errors, rows)).toEqual(found);
  });

  it('puts a statement the service refuses at its field', () => {
    expect(
      serviceErrors([{ field: 'members[1].educationEnd', message: 'x' }], [0, 1], STATEMENT_FIELDS),
    ).toEqual({
      'educationEnd-1': 'invalid',
    });
  });

  it.each([
    [
      ProblemException.validation([
        { field: 'kind', message: 'x' },
        { field: 'file', message: 'y' },
      ]),
      400,
      { kind: 'kindMissing', file: 'fileMissing' },
    ],
    [new ProblemException(problemFor(415, 'no')), 415, { file: 'fileType' }],
    [new ProblemException(problemFor(413, 'big')), 413, { file: 'fileTooLarge' }],
  ])('puts an upload refusal at its field: %s', (error, status, errors) => {
    expect(uploadErrors(error)).toEqual({ status, errors });
  });

  it('leaves other upload failures alone', () => {
    expect(uploadErrors(new Error('disk full'))).toBeNull();
    expect(uploadErrors(ProblemException.conflict('application-not-editable', 'sent'))).toBeNull();
  });

  it.each([
    ['1234567890123', '•••• 0123'],
    ['1234-5678-9012', '•••• 9012'],
  ])('masks the card number %s as %s', (number, masked) => {
    expect(maskedCardNumber(number)).toBe(masked);
  });

  it.each([
    [
      ProblemException.conflict('application-open', 'open'),
      { status: 409, errors: { child: 'requestRefused' } },
    ],
    [
      ProblemException.validation([
        { field: 'members[0].nationalId', message: 'x' },
        { field: 'members[0].role', message: 'y' },
      ]),
      { status: 400, errors: { childId: 'nationalIdInvalid', child: 'invalid' } },
    ],
    [new Error('db down'), null],
  ])('puts a refused account request at its fields: %s', (error, found) => {
    expect(refusalAt(error, { nationalId: 'childId' }, 'child')).toEqual(found);
  });
});
