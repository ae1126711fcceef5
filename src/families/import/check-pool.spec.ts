import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { PersonalDataCipher } from '../../common/personal-data/personal-data-cipher';
import { DEFAULT_PROGRAMME_SETTINGS, rulesOf } from '../../programmes/programme-defaults';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import { peselFor } from '../national-id/pesel';
import { CheckSetup, defaultWorkers, openCheckPool } from './check-pool';
import type { FamilyGroup } from './family-grouper';
import type { CheckedFamily } from './family-validator';

describe('defaultWorkers', () => {
  const beside = Math.min(4, Math.max(1, availableParallelism() - 1));
  it.each([
    ['an empty file', 0, 0],
    ['a file just under 1 MB', (1 << 20) - 1, 0],
    ['a 1 MB file', 1 << 20, beside],
    ['a 40 MB register', 40e6, beside],
  ])('%s: %s bytes → the right number of workers', (_name, bytes, workers) => {
    expect(defaultWorkers(bytes)).toBe(workers);
  });
});

describe('openCheckPool', () => {
  const cipher = new PersonalDataCipher(randomBytes(32));
  const setup: CheckSetup = {
    keys: cipher.derivedKeys(),
    defaultFormat: 'PESEL',
    programmeId: 'programme-1',
    rules: rulesOf(DEFAULT_PROGRAMME_SETTINGS as ProgrammeEntity),
    date: '2026-11-23',
    now: new Date('2026-11-23T10:00:00Z'),
  };
  let serial = 0;
  const row = (line: number, role: string, birthDate: string, pesel = peselFor(birthDate, ++serial)) => ({
    line,
    cells: {
      family_ref: 'F',
      first_name: 'Ala',
      last_name: 'Nowak',
      birth_date: birthDate,
      role,
      national_id: pesel,
    },
    problems: [],
  });
  const groups: FamilyGroup[] = [
    {
      ref: 'F-1',
      rows: [
        row(2, 'parent', '1985-01-01'),
        row(3, 'child', '2015-02-02'),
        row(4, 'child', '2017-03-03'),
        row(5, 'child', '2019-04-04'),
      ],
      problems: [],
    },
    { ref: 'F-2', rows: [row(6, 'child', '2016-05-05', '16250500000')], problems: [] },
  ];
  /** What does not depend on the thread: the random ids, IVs and ciphertexts aside. */
  const comparable = (checked: CheckedFamily[]) =>
    checked.map((c) => ({
      ref: c.ref,
      lines: c.lines,
      problems: c.problems,
      indexes: c.members.map((m) => m.person.nationalIdIndex),
      pesels: c.members.map((m) => cipher.decrypt(m.person.nationalIdCipher!, 'PESEL')),
      decided: c.rows?.members.map((m) => [m.eligible, m.eligibleUntil]) ?? null,
      ended: c.rows?.ended ?? null,
    }));

  it('a worker thread checks families exactly as the importing thread does', async () => {
    const here = openCheckPool(setup, 0);
    const worker = openCheckPool(setup, 1);
    try {
      const [a, b] = await Promise.all([here.check(groups), worker.check(groups)]);
      expect(comparable(b)).toEqual(comparable(a));
      expect(comparable(a)).toMatchObject([
        {
          ref: 'F-1',
          problems: [],
          decided: [
            [true, null],
            [true, '2033-02-01'],
            [true, '2035-03-02'],
            [true, '2037-04-03'],
          ],
        },
        { ref: 'F-2', problems: [{ line: 6, field: 'national_id' }], decided: null },
      ]);
    } finally {
      await Promise.all([here.close(), worker.close()]);
    }
  });

  it('turns a failure inside the worker into a clear error, and keeps checking', async () => {
    const pool = openCheckPool(setup, 1);
    try {
      const broken = { ref: 'X', rows: [{ line: 2, cells: null, problems: [] }], problems: [] };
      await expect(pool.check([broken as unknown as FamilyGroup])).rejects.toThrow(
        /^checking families failed in a worker: /,
      );
      expect(comparable(await pool.check(groups))[0].ref).toBe('F-1');
    } finally {
      await pool.close();
    }
    await expect(pool.check(groups)).rejects.toThrow(/closed/);
  });
});
