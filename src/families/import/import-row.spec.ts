import type { RowCells } from './csv-columns';
import { cellProblemOf, familyCellsOf, memberPlainOf } from './import-row';

const MEMBER: RowCells = {
  family_ref: 'R-1',
  first_name: 'Jan',
  last_name: 'Kowalski',
  birth_date: '1980-03-15',
  role: 'parent',
};

describe('memberPlainOf', () => {
  it.each([
    [
      'the required cells',
      {},
      { firstName: 'Jan', lastName: 'Kowalski', birthDate: '1980-03-15', role: 'parent' },
    ],
    [
      'Polish dates and role words',
      { birth_date: '15.03.1980', role: 'Rodzic', education_end: '30.06.2027' },
      {
        firstName: 'Jan',
        lastName: 'Kowalski',
        birthDate: '1980-03-15',
        role: 'parent',
        educationEnd: '2027-06-30',
      },
    ],
    [
      'every optional cell, booleans in either language',
      {
        role: 'dziecko_zastępcze',
        national_id: '80031512349',
        national_id_format: 'PESEL',
        education_institution: 'SP 5',
        disability_until: '2030-12-31',
        disability_permanent: 'nie',
        foster_placement_end: '31.12.2029',
        parental_authority: 'TRUE',
        residence_permit_end: '2028-01-01',
      },
      {
        firstName: 'Jan',
        lastName: 'Kowalski',
        birthDate: '1980-03-15',
        role: 'foster_child',
        nationalId: '80031512349',
        nationalIdFormat: 'PESEL',
        educationInstitution: 'SP 5',
        disabilityUntil: '2030-12-31',
        disabilityPermanent: false,
        fosterPlacementEnd: '2029-12-31',
        parentalAuthority: true,
        residencePermitEnd: '2028-01-01',
      },
    ],
  ])('converts %s', (_name, cells, plain) => {
    expect(memberPlainOf({ ...MEMBER, ...cells })).toEqual({ plain, problems: [] });
  });

  it.each([
    ['a missing last name', { last_name: undefined }, 'last_name', 'is required'],
    ['a missing role', { role: undefined }, 'role', 'is required'],
    [
      'an unknown role',
      { role: 'daughter' },
      'role',
      'must be one of: parent, spouse, child, foster_child, foster_parent, rodzic, małżonek, małżonka, dziecko, dziecko_zastępcze, rodzic_zastępczy (got "daughter")',
    ],
    [
      'a date in another format',
      { birth_date: '03/15/1980' },
      'birth_date',
      'must be a date as YYYY-MM-DD or DD.MM.YYYY (got "03/15/1980")',
    ],
    [
      'a boolean word it does not know',
      { disability_permanent: 'yes' },
      'disability_permanent',
      'must be one of true, tak, 1, false, nie, 0 (got "yes")',
    ],
  ])('reports %s', (_name, cells, field, message) => {
    const { plain, problems } = memberPlainOf({ ...MEMBER, ...cells });
    expect(problems).toEqual([{ field, message }]);
    expect(Object.keys(plain)).not.toContain(field);
  });
});

describe('familyCellsOf', () => {
  it('keeps the family columns only', () => {
    expect(familyCellsOf({ ...MEMBER, city: 'Lublin', postal_code: '20-001' })).toEqual({
      city: 'Lublin',
      postal_code: '20-001',
    });
  });
});

describe('cellProblemOf', () => {
  it.each([
    [
      'lastName',
      'lastName must be shorter than or equal to 100 characters',
      'last_name',
      'must be shorter than or equal to 100 characters',
    ],
    ['birthDate', 'birthDate must be a real calendar date', 'birth_date', 'must be a real calendar date'],
    [
      'nationalId',
      'member.nationalId PESEL check digit does not match',
      'national_id',
      'PESEL check digit does not match',
    ],
    [
      'nationalId',
      'member.nationalId does not encode the birth date given in member.birthDate',
      'national_id',
      'does not encode the birth date given in birth_date',
    ],
    [
      'nationalIdFormat',
      'member.nationalIdFormat XYZ is not known',
      'national_id_format',
      'XYZ is not known',
    ],
    [
      'postalCode',
      'postalCode must be 2-16 letters, digits, spaces or dashes',
      'postal_code',
      'must be 2-16 letters, digits, spaces or dashes',
    ],
    ['email', 'email must be an e-mail address', 'email', 'must be an e-mail address'],
  ])('%s: %j', (property, message, field, text) => {
    expect(cellProblemOf(property, message)).toEqual({ field, message: text });
  });
});
