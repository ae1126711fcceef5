import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from '../common/personal-data/personal-data-cipher';
import type { MemberInputDto } from './dto/member-input.dto';
import { maskedNationalId, toPersonDetails } from './person-mapper';

const cipher = new PersonalDataCipher(randomBytes(32));
const base: MemberInputDto = {
  firstName: ' Zofia ',
  lastName: 'Nowak',
  birthDate: '2002-07-08',
  role: 'child',
};

describe('toPersonDetails', () => {
  it.each([
    ['a valid PESEL matching the birth date', { nationalId: '02270803624' }, null],
    ['a PESEL typed with spaces', { nationalId: '022708 03624' }, null],
    ['no national ID', {}, null],
    ['a bad check digit', { nationalId: '02270803628' }, 'members[0].nationalId'],
    ['another birth date', { nationalId: '44051401359' }, 'members[0].nationalId'],
    ['an unknown format', { nationalId: 'X', nationalIdFormat: 'SSN' }, 'members[0].nationalIdFormat'],
    ['a foreign document number', { nationalId: 'ab-123456', nationalIdFormat: 'OTHER' }, null],
  ] as [string, Partial<MemberInputDto>, string | null][])('%s', (_name, extra, errorField) => {
    const result = toPersonDetails({ ...base, ...extra }, 'PESEL', cipher, 'members[0]');
    if (errorField) {
      expect(result.person).toBeNull();
      expect(result.errors.map((e) => e.field)).toEqual([errorField]);
      return;
    }
    expect(result.errors).toEqual([]);
    expect(result.person!.firstName).toBe('Zofia');
    if (!extra.nationalId) return expect(result.person!.nationalIdCipher).toBeNull();
    expect(result.person!.nationalIdCipher).not.toContain(extra.nationalId!.replace(/\s/g, ''));
    expect(result.person!.nationalIdIndex).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('gives one blind index to the same number however it was typed, and masks all but 3 characters', () => {
    const a = toPersonDetails({ ...base, nationalId: '02270803624' }, 'PESEL', cipher, 'm').person!;
    const b = toPersonDetails({ ...base, nationalId: ' 0227 0803 624' }, 'PESEL', cipher, 'm').person!;
    expect(a.nationalIdIndex).toBe(b.nationalIdIndex);
    expect(maskedNationalId(a, cipher)).toBe('••••••••624');
  });
});
