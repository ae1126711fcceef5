import { erasedPerson, monthsBefore } from './person-erasure';

describe('erasedPerson', () => {
  it('keeps the birth year only and clears everything else', () => {
    expect(erasedPerson('2014-07-23')).toEqual({
      firstName: 'erased',
      lastName: '',
      birthDate: '2014-01-01',
      nationalIdFormat: null,
      nationalIdCipher: null,
      nationalIdIndex: null,
      educationEnd: null,
      educationInstitution: null,
      disabilityUntil: null,
      disabilityPermanent: false,
      fosterPlacementEnd: null,
      parentalAuthority: null,
      residencePermitEnd: null,
    });
  });

  it('gives the same result when applied again', () => {
    expect(erasedPerson(erasedPerson('1985-03-14').birthDate)).toEqual(erasedPerson('1985-03-14'));
  });
});

describe('monthsBefore', () => {
  it.each([
    ['2026-05-15T10:00:00Z', 12, '2025-05-15T10:00:00.000Z'],
    ['2026-01-31T00:00:00Z', 1, '2025-12-31T00:00:00.000Z'],
    ['2026-05-15T10:00:00Z', 0, '2026-05-15T10:00:00.000Z'],
  ])('%s minus %i months is %s', (now, months, expected) => {
    expect(monthsBefore(new Date(now), months).toISOString()).toBe(expected);
  });
});
