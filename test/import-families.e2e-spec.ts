import * as iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { PersonalDataCipher } from '../src/common/personal-data/personal-data-cipher';
import { FamiliesService } from '../src/families/families.service';
import { FamilyEntity } from '../src/families/family.entity';
import { MemberEntity } from '../src/families/member.entity';
import { todayIn } from '../src/programmes/eligibility/civil-date';
import { ProgrammesService } from '../src/programmes/programmes.service';
import { cli, CliRun } from './support/cli';
import { engine } from './support/databases';
import { largeFamily } from './support/enrolment';
import { startApp, TestApp } from './support/test-app';

const FIXTURES = join(__dirname, 'fixtures', 'import');

const problemLines = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('line '));

async function snapshot(t: TestApp) {
  const audit = await t.dataSource.getRepository(AuditLogEntity).find({ order: { id: 'ASC' } });
  return {
    families: await t.dataSource.getRepository(FamilyEntity).count(),
    members: await t.dataSource.getRepository(MemberEntity).count(),
    audit: audit.map((a) => `${a.id} ${a.action}`),
  };
}

async function familyByRef(t: TestApp, externalRef: string) {
  const family = await t.dataSource.getRepository(FamilyEntity).findOneByOrFail({ externalRef });
  const members = await t.dataSource
    .getRepository(MemberEntity)
    .find({ where: { familyId: family.id }, order: { person: { birthDate: 'ASC' } } });
  return { family, members };
}

describe(`import:families (${engine})`, () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startApp();
    dir = mkdtempSync(join(tmpdir(), 'fc-import-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a dry run reports every bad row with its line number and changes nothing', async () => {
    const before = await snapshot(t);
    const run = await cli(t.db, ['import:families', join(FIXTURES, 'families-bad.csv'), '--dry-run']);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^.*families-bad\.csv: UTF-8, delimiter ",", into programme \w+ \(dry run/);
    // Line 2-3 is one record (a street with a line break), so every later line number counts it.
    expect(problemLines(run.stdout)).toEqual([
      'line 8: national_id: PESEL check digit does not match',
      'line 9: family_ref: rejected with family B-2 (see line 8)',
      'line 10: national_id: does not encode the birth date given in birth_date',
      expect.stringMatching(/^line 11: role: must be one of: parent, spouse, .*rodzic.* \(got "daughter"\)$/),
      'line 12: last_name: is required',
      'line 13: birth_date: must be a real calendar date',
      'line 15: national_id: appears again in this file (first on line 14)',
      'line 16: family_ref: rejected with family B-8 (see line 17)',
      'line 17: city: "Lublin" conflicts with "Łódź" given for the same family on line 16',
      'line 18: family_ref: family_ref B-1 appears again after other families; rows of a family must be together',
      'line 19: family_ref: is required',
    ]);
    expect(run.stdout).toMatch(/families\s+2\s+0\s+8\n/);
    expect(run.stdout).toMatch(/members \(rows\)\s+6\s+0\s+11\n/);
    expect(run.stdout).toMatch(/WOULD IMPORT/);
    expect(run.stdout).toMatch(/dry run: nothing was written/);
    expect(await snapshot(t)).toEqual(before);
  });

  it('a real run imports the good families in batches, encrypted, with eligibility decided', async () => {
    const before = await snapshot(t);
    const run = await cli(t.db, ['import:families', join(FIXTURES, 'families-bad.csv'), '--batch-size', '4']);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(problemLines(run.stdout)).toHaveLength(11);
    expect(run.stdout).toMatch(/families\s+2\s+0\s+8\n/);
    expect(run.stdout).toMatch(
      /1 family with nobody eligible today was stored as ended\.\n17 rows in [\d.]+ s; 2 batches committed\.\n/,
    );
    expect(run.stdout).toMatch(/11 rows rejected \(listed above\)/);
    const after = await snapshot(t);
    expect(after).toMatchObject({ families: before.families + 2, members: before.members + 6 });

    const { family, members } = await familyByRef(t, 'B-1');
    expect(family).toMatchObject({
      status: 'active',
      street: 'ul. Lipowa 5\nm. 7',
      city: 'Lublin',
      endedAt: null,
    });
    expect(members.map((m) => `${m.person.firstName} ${m.person.role}`)).toEqual([
      'Jan parent',
      'Anna parent',
      'Piotr child',
      'Zofia child',
      'Michał child',
    ]);
    const cipher = t.app.get(PersonalDataCipher);
    for (const m of members) {
      expect(m.person.nationalIdFormat).toBe('PESEL');
      expect(m.person.nationalIdIndex).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const pesel = cipher.decrypt(m.person.nationalIdCipher!, 'PESEL');
      expect(pesel).toMatch(/^\d{11}$/);
      expect(m.person.nationalIdCipher).not.toContain(pesel);
      expect(m.person.nationalIdIndex).toBe(cipher.blindIndex('PESEL', pesel));
    }
    // Parents of a family that has (or had) three children keep a card for life under the default rules.
    expect(members.slice(0, 2).map((m) => [m.eligible, m.eligibleUntil])).toEqual([
      [true, null],
      [true, null],
    ]);
    // Children: whatever the engine decides today, stored as is.
    const programme = await t.app.get(ProgrammesService).default();
    const decision = t.app.get(FamiliesService).decide(
      programme,
      family,
      members.map((m) => ({ key: m.id, person: m.person })),
      todayIn(programme.timeZone, new Date()),
    );
    expect(members.map((m) => [m.eligible, m.eligibleUntil])).toEqual(
      members.map((m) => {
        const d = decision.members.find((x) => x.key === m.id)!;
        return [d.eligible, d.validUntil];
      }),
    );

    // One child alone: nobody is eligible, so the family is stored as ended.
    const single = await familyByRef(t, 'B-7');
    expect(single.family.endedAt).toBeInstanceOf(Date);
    expect(single.members.map((m) => m.eligible)).toEqual([false]);

    const imports = await t.dataSource
      .getRepository(AuditLogEntity)
      .find({ where: { action: 'family.import' }, order: { id: 'ASC' } });
    expect(imports).toHaveLength(2);
    expect(imports[0]).toMatchObject({
      actorType: 'system',
      actorLabel: 'cli import:families',
      entityType: 'family',
    });
    expect(imports.map((a) => a.summary)).toEqual([
      expect.objectContaining({ file: 'families-bad.csv', batch: 1, families: 1, members: 5, rejected: 3 }),
      expect.objectContaining({
        file: 'families-bad.csv',
        batch: 2,
        families: 1,
        members: 1,
        endedFamilies: 1,
      }),
    ]);
    const logged = JSON.stringify(imports.map((a) => a.summary));
    for (const personal of ['80031512349', 'Kowalski', 'Lipowa']) expect(logged).not.toContain(personal);
  });

  it('running the same file again imports nothing new and says the families were already imported', async () => {
    const before = await snapshot(t);
    const run = await cli(t.db, ['import:families', join(FIXTURES, 'families-bad.csv')]);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/families\s+0\s+2\s+8\n/);
    expect(run.stdout).toMatch(/members \(rows\)\s+0\s+6\s+11\n/);
    expect(run.stdout).toMatch(/0 batches committed/);
    expect(await snapshot(t)).toEqual(before);
  });

  it('rejects a family with a member who already belongs to another active family', async () => {
    const file = join(dir, 'again.csv');
    writeFileSync(
      file,
      'family_ref,first_name,last_name,birth_date,role,national_id\n' +
        'C-1,Jan,Kowalski,1980-03-15,parent,800315 12349\n' +
        'C-1,Lena,Nowak,2014-04-04,child,14240455661\n',
    );
    const before = await snapshot(t);
    const run = await cli(t.db, ['import:families', file]);

    expect(run.code).toBe(0);
    const { family } = await familyByRef(t, 'B-1');
    expect(problemLines(run.stdout)).toEqual([
      `line 2: national_id: already belongs to a member of another active family (${family.id})`,
      'line 3: family_ref: rejected with family C-1 (see line 2)',
    ]);
    expect(await snapshot(t)).toEqual(before);
  });

  it.each([
    [
      'a header without the required columns',
      'family_ref;first_name\nX;Y\n',
      [],
      /line 1: the header lacks required column\(s\): last_name, birth_date, role/,
    ],
    ['an empty file', '', [], /the file is empty/],
    [
      'an unknown programme',
      'family_ref,first_name,last_name,birth_date,role\n',
      ['--programme', 'NOPE'],
      /there is no programme NOPE/,
    ],
    [
      'a bad batch size',
      'family_ref\n',
      ['--batch-size', '0'],
      /--batch-size must be a whole number from 1 to 10000/,
    ],
    [
      'an unclosed quote',
      'family_ref,first_name,last_name,birth_date,role\nA,"Jan,Kowalski,1980-03-15,parent\n',
      [],
      /cannot parse the file/,
    ],
  ])('refuses %s: exit 1, nothing written', async (_name, content, args, message) => {
    const file = join(dir, 'broken.csv');
    writeFileSync(file, content);
    const before = await snapshot(t);
    const run = await cli(t.db, ['import:families', file, ...args]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot(t)).toEqual(before);
  });

  it('stops at a parse error part-way, keeping the batches already committed, and exits 1', async () => {
    const file = join(dir, 'truncated.csv');
    writeFileSync(
      file,
      'family_ref,first_name,last_name,birth_date,role,national_id\n' +
        'I-1,Ola,Wiśniewska,2015-09-09,child,15290999008\n' +
        'I-2,Igor,Wiśniewski,2018-10-10,child,18301012121\n' +
        'I-3,"Ula,Nowak,2019-12-24,child,19322410101\n',
    );
    const before = await snapshot(t);
    const run = await cli(t.db, ['import:families', file, '--batch-size', '1']);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /truncated\.csv: cannot parse the file: .*\nBefore the error, batches committed: 1, families imported: 1\. Fix the file/,
    );
    expect(run.stdout).toMatch(/families\s+1\s+0\s+0\n/);
    expect(await snapshot(t)).toMatchObject({ families: before.families + 1, members: before.members + 1 });
    await t.dataSource.getRepository(FamilyEntity).findOneByOrFail({ externalRef: 'I-1' });
    expect(await t.dataSource.getRepository(FamilyEntity).countBy({ externalRef: 'I-2' })).toBe(0);
  });

  it('refuses a file it cannot read', async () => {
    const run = await cli(t.db, ['import:families', join(dir, 'missing.csv')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/missing\.csv: cannot read the file: ENOENT/);
  });
});

describe(`import:families with worker threads (${engine})`, () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startApp();
    dir = mkdtempSync(join(tmpdir(), 'fc-import-workers-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const withoutTime = (stdout: string) =>
    stdout.replace(/ in [\d.]+ s( \(checked by 3 worker threads\))?;/, ' in … s;');

  it('reports exactly what the main thread reports, in line order, batch by batch', async () => {
    const file = join(FIXTURES, 'families-bad.csv');
    const here = await cli(t.db, [
      'import:families',
      file,
      '--dry-run',
      '--batch-size',
      '2',
      '--workers',
      '0',
    ]);
    const spread = await cli(t.db, [
      'import:families',
      file,
      '--dry-run',
      '--batch-size',
      '2',
      '--workers',
      '3',
    ]);

    expect(spread).toMatchObject({ code: 0, stderr: '' });
    expect(spread.stdout).toMatch(/ s \(checked by 3 worker threads\); dry run/);
    expect(here.stdout).not.toMatch(/worker/);
    expect(problemLines(here.stdout)).toHaveLength(11);
    expect(withoutTime(spread.stdout)).toBe(withoutTime(here.stdout));
  });

  it('imports a register checked by two workers and finds a national ID repeated in another batch', async () => {
    const families = 40;
    const pesels: string[] = [];
    let csv = 'family_ref,first_name,last_name,birth_date,role,national_id,city\n';
    for (let f = 1; f <= families; f++) {
      const people = largeFamily(`Nowak${f}`, 3);
      // The 33rd family's second parent has the PESEL of the 2nd family's first parent: another batch, and
      // most likely another worker.
      if (f === 33) people[1] = { ...people[1], birthDate: people[0].birthDate, nationalId: pesels[5] };
      for (const p of people) {
        pesels.push(p.nationalId!);
        csv += `W-${f},${p.firstName},${p.lastName},${p.birthDate},${p.role},${p.nationalId},Lublin\n`;
      }
    }
    const file = join(dir, 'register.csv');
    writeFileSync(file, csv);
    const before = await snapshot(t);

    const run = await cli(t.db, ['import:families', file, '--batch-size', '3', '--workers', '2']);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    const line = (index: number) => index + 2;
    expect(problemLines(run.stdout)).toEqual(
      [
        ...[0, 2, 3, 4].map(
          (i) =>
            `line ${line(32 * 5 + i)}: family_ref: rejected with family W-33 (see line ${line(32 * 5 + 1)})`,
        ),
        `line ${line(32 * 5 + 1)}: national_id: appears again in this file (first on line ${line(5)})`,
      ].sort((a, b) => Number(a.split(/[ :]/)[1]) - Number(b.split(/[ :]/)[1])),
    );
    expect(run.stdout).toMatch(/families\s+39\s+0\s+1\n/);
    expect(run.stdout).toMatch(/ s \(checked by 2 worker threads\); 14 batches committed\./);
    expect(await snapshot(t)).toMatchObject({
      families: before.families + 39,
      members: before.members + 195,
    });

    const cipher = t.app.get(PersonalDataCipher);
    const { family, members } = await familyByRef(t, 'W-40');
    expect(family).toMatchObject({ city: 'Lublin', endedAt: null });
    expect(members.map((m) => [m.person.role, m.eligible])).toEqual([
      ['parent', true],
      ['parent', true],
      ['child', true],
      ['child', true],
      ['child', true],
    ]);
    expect(members.map((m) => cipher.decrypt(m.person.nationalIdCipher!, 'PESEL')).sort()).toEqual(
      pesels.slice(-5).sort(),
    );
    expect(await t.dataSource.getRepository(FamilyEntity).countBy({ externalRef: 'W-33' })).toBe(0);
    const imports = await t.dataSource.getRepository(AuditLogEntity).findBy({ action: 'family.import' });
    expect(imports.map((a) => a.summary!.batch)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  it('refuses a bad number of workers', async () => {
    const run = await cli(t.db, ['import:families', join(FIXTURES, 'families-bad.csv'), '--workers', '-1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--workers must be a whole number from 0 to 16 \(got "-1"\)/);
  });
});

describe(`import:families encodings (${engine})`, () => {
  const excel = readFileSync(join(FIXTURES, 'families-excel.csv'));
  const names = [
    'Łucja Żółkiewska parent',
    'Grzegorz Żółkiewski spouse',
    'Jędrzej Żółkiewski child',
    'Bożena Dąbrowska foster_child',
    'Ścibor Żółkiewski child',
  ];

  async function importInto(
    file: string,
  ): Promise<{ run: CliRun; names: string[]; gesiarz: MemberEntity[] }> {
    const t = await startApp();
    try {
      const run = await cli(t.db, ['import:families', file]);
      const { members } = await familyByRef(t, 'W-2001');
      const other = await familyByRef(t, 'W-2002');
      return {
        run,
        names: members.map((m) => `${m.person.firstName} ${m.person.lastName} ${m.person.role}`),
        gesiarz: other.members,
      };
    } finally {
      await t.close();
    }
  }

  it('reads UTF-8 with a BOM, ";" delimiters, CRLF, DD.MM.YYYY dates and Polish role words', async () => {
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { run, names: imported, gesiarz } = await importInto(join(FIXTURES, 'families-excel.csv'));

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/UTF-8 with BOM, delimiter ";"/);
    expect(problemLines(run.stdout)).toEqual([]);
    expect(imported).toEqual(names);
    // 3 children, only 2 of them under 18: the parents keep cards as a former large family, the children get none.
    expect(gesiarz.map((m) => `${m.person.firstName} ${m.person.birthDate} ${m.eligible}`)).toEqual([
      'Agnieszka 1990-02-02 true',
      'Mścisław 2008-03-03 false',
      'Dąbrówka 2017-03-17 false',
      'Żaneta 2020-02-29 false',
    ]);
  });

  it('recognises Windows-1250 and keeps the Polish letters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-import-'));
    try {
      const file = join(dir, 'rejestr-cp1250.csv');
      const bytes = iconv.encode(excel.toString('utf8').replace(/^\uFEFF/, ''), 'windows-1250');
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      writeFileSync(file, bytes);
      const { run, names: imported } = await importInto(file);

      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/Windows-1250, delimiter ";"/);
      expect(imported).toEqual(names);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
