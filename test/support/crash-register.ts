import { writeFileSync } from 'node:fs';
import { peselFor } from '../../src/families/national-id/pesel';

export const MEMBERS_PER_FAMILY = 5;

const DAY_MS = 86_400_000;
const isoDay = (base: string, days: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * A register of `families` families of two parents and three children aged 10-16 (all qualify), sorted by
 * family_ref, with valid PESELs that are unique within the file: person i is born `i mod span` days after
 * the base date, with serial `i div span`. The birth years stay clear of test/support/enrolment.ts's families.
 */
export function writeRegister(file: string, families: number): string[] {
  const childBase = `${new Date().getUTCFullYear() - 16}-01-01`;
  const refs: string[] = [];
  let csv = 'family_ref,first_name,last_name,birth_date,role,national_id,street,postal_code,city\n';
  let parents = 0;
  let children = 0;
  const parent = () => {
    const i = parents++;
    const date = isoDay('1960-01-01', i % 3650);
    return `${date},parent,${peselFor(date, Math.floor(i / 3650))}`;
  };
  const child = () => {
    const i = children++;
    const date = isoDay(childBase, i % 2000);
    return `${date},child,${peselFor(date, Math.floor(i / 2000))}`;
  };
  for (let f = 1; f <= families; f++) {
    const ref = `CR-${String(f).padStart(6, '0')}`;
    refs.push(ref);
    const last = `Rodzina${f}`;
    csv += `${ref},Anna,${last},${parent()},ul. Lipowa ${f % 300},20-${String(f % 1000).padStart(3, '0')},Lublin\n`;
    csv += `${ref},Piotr,${last},${parent()},,,\n`;
    for (const name of ['Zofia', 'Jan', 'Ewa']) csv += `${ref},${name},${last},${child()},,,\n`;
  }
  writeFileSync(file, csv);
  return refs;
}
