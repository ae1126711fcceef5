import { peselFor as validPesel } from '../../src/families/national-id/pesel';
import type { MemberRole } from '../../src/programmes/eligibility/eligibility.types';

let serial = 0;

/** A valid PESEL for a birth date; each call gives a new serial, so every generated person is distinct. */
export const peselFor = (birthDate: string): string => validPesel(birthDate, ++serial);

export interface MemberInput {
  firstName: string;
  lastName: string;
  birthDate: string;
  role: MemberRole;
  nationalId?: string;
  educationEnd?: string;
}

export const person = (
  role: MemberRole,
  firstName: string,
  lastName: string,
  birthDate: string,
): MemberInput => ({
  firstName,
  lastName,
  birthDate,
  role,
  nationalId: peselFor(birthDate),
});

const CHILD_NAMES = ['Zofia', 'Jan', 'Łucja', 'Michał', 'Ewa'];

/** Two parents and `children` young children: a family that qualifies under the default rules. */
export function largeFamily(lastName = 'Kowalski', children = 3): MemberInput[] {
  return [
    person('parent', 'Anna', lastName, '1985-03-14'),
    person('parent', 'Piotr', lastName, '1983-11-02'),
    // Ages 4, 5, 6…: young enough to qualify whenever the suite runs.
    ...Array.from({ length: children }, (_, i) =>
      person('child', CHILD_NAMES[i % 5], lastName, `${new Date().getFullYear() - 4 - i}-0${(i % 9) + 1}-15`),
    ),
  ];
}

export const ADDRESS = { street: 'ul. Krakowskie Przedmieście 1', postalCode: '20-002', city: 'Lublin' };
