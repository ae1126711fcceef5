import * as iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { distanceMetres } from '../src/common/geo';
import { OfferOutletEntity } from '../src/offers/offer-outlet.entity';
import { derivedColumns } from '../src/offers/offer-input';
import { OfferEntity } from '../src/offers/offer.entity';
import { CategoryEntity } from '../src/partners/categories/category.entity';
import { OutletEntity } from '../src/partners/outlet.entity';
import { PartnerEntity } from '../src/partners/partner.entity';
import { ProgrammesService } from '../src/programmes/programmes.service';
import * as partnerStore from '../src/partners/import/partner-store';
import { UserEntity } from '../src/users/user.entity';
import { cli } from './support/cli';
import { expectCatalogueInStep } from './support/catalogue-in-step';
import { engine } from './support/databases';
import {
  addOutlet,
  approvedPartner,
  offerBody,
  placeOutlet,
  publishedOffer,
} from './support/partner-factory';
import { startApp, TestApp } from './support/test-app';

const FIXTURES = join(__dirname, 'fixtures', 'partners');
const MAIN = join(FIXTURES, 'partners.csv');

const problemLines = (stdout: string) => stdout.split('\n').filter((line) => /^line \d+: /.test(line));
const noteLines = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('note: '));
/** The summary table as [label, create, update, unchanged, rejected]. */
const tallies = (stdout: string) =>
  Object.fromEntries(
    stdout
      .split('\n')
      .filter((line) => /^(partners|outlets|offers)\s/.test(line))
      .map((line) => {
        const [label, ...counts] = line.split(/\s+/);
        return [label, counts.map(Number)];
      }),
  );

/** Everything the import may touch: every row with its updated_at, the offers' outlets and the audit log. */
async function snapshot(t: TestApp) {
  const rows = async (entity: typeof PartnerEntity | typeof OutletEntity | typeof OfferEntity) =>
    (await t.dataSource.getRepository(entity).find({ order: { id: 'ASC' } })).map(
      (r) => `${r.id} ${r.updatedAt.toISOString()}`,
    );
  const links = await t.dataSource.getRepository(OfferOutletEntity).find();
  const audit = await t.dataSource.getRepository(AuditLogEntity).find({ order: { id: 'ASC' } });
  return {
    partners: await rows(PartnerEntity),
    outlets: await rows(OutletEntity),
    offers: await rows(OfferEntity),
    links: links.map((l) => `${l.offerId} ${l.outletId}`).sort(),
    audit: audit.map((a) => `${a.id} ${a.action}`),
  };
}

const partnerByTax = (t: TestApp, taxNumber: string) =>
  t.dataSource.getRepository(PartnerEntity).findOneByOrFail({ taxNumber });

async function outletsOf(t: TestApp, partnerId: string): Promise<Record<string, OutletEntity>> {
  const outlets = await t.dataSource.getRepository(OutletEntity).findBy({ partnerId });
  return Object.fromEntries(outlets.map((o) => [o.ref, o]));
}

async function offersOf(t: TestApp, partnerId: string) {
  const offers = await t.dataSource.getRepository(OfferEntity).findBy({ partnerId });
  const links = await t.dataSource.getRepository(OfferOutletEntity).find();
  return Object.fromEntries(
    offers.map((o) => [
      o.ref,
      {
        offer: o,
        outletIds: links
          .filter((l) => l.offerId === o.id)
          .map((l) => l.outletId)
          .sort(),
      },
    ]),
  );
}

describe(`import:partners (${engine})`, () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startApp();
    dir = mkdtempSync(join(tmpdir(), 'fc-import-partners-'));
  });
  afterEach(() => expectCatalogueInStep(t.dataSource));
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a dry run checks the whole file, says what it would do and writes nothing', async () => {
    const before = await snapshot(t);
    const run = await cli(t.db, ['import:partners', MAIN, '--dry-run']);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(
      /partners\.csv: UTF-8, delimiter ",", into programme \w+ \(dry run: nothing will be written\)/,
    );
    expect(run.stdout).toMatch(/WOULD CREATE\s+WOULD UPDATE\s+UNCHANGED\s+REJECTED/);
    expect(tallies(run.stdout)).toEqual({
      partners: [3, 0, 0, 0],
      outlets: [5, 0, 0, 0],
      offers: [6, 0, 0, 0],
    });
    expect(run.stdout).toMatch(/14 rows in [\d.]+ s; dry run: nothing was written\.\n$/);
    expect(problemLines(run.stdout)).toEqual([]);
    expect(await snapshot(t)).toEqual(before);
  });

  it('imports partners, outlets of both kinds and offers of every kind, with the columns the API derives', async () => {
    const programme = await t.app.get(ProgrammesService).default();
    const users = await t.dataSource.getRepository(UserEntity).count();
    const run = await cli(t.db, ['import:partners', MAIN]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/CREATED\s+UPDATED\s+UNCHANGED\s+REJECTED/);
    expect(tallies(run.stdout)).toEqual({
      partners: [3, 0, 0, 0],
      outlets: [5, 0, 0, 0],
      offers: [6, 0, 0, 0],
    });
    expect(run.stdout).toMatch(/14 rows in [\d.]+ s; written in one transaction\.\n$/);

    // Partners: the tax number normalised ("526-025-02-74", "PL 123-456-32-18"), approved unless the file says
    // pending, the programme's current agreement accepted at the import, no owner account.
    const culture = await t.dataSource.getRepository(CategoryEntity).findOneByOrFail({ slug: 'culture' });
    const kino = await partnerByTax(t, '5260250274');
    expect(kino).toMatchObject({
      programmeId: programme.id,
      name: 'Kino Zamek',
      searchName: 'kino zamek',
      categoryId: culture.id,
      description: {
        pl: 'Kino studyjne w centrum Lublina',
        en: 'An art-house cinema in the centre of Lublin',
      },
      website: 'https://kino-zamek.example',
      contactName: 'Ewa Nowak',
      contactEmail: 'kontakt@kino-zamek.example',
      contactPhone: '+48 81 532 00 00',
      status: 'approved',
      statusReason: null,
      agreementVersion: programme.partnerAgreementVersion,
      logoType: null,
    });
    expect(kino.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // UUIDv7
    expect(kino.approvedAt).toBeInstanceOf(Date);
    expect(kino.agreementAcceptedAt).toBeInstanceOf(Date);
    const aqua = await partnerByTax(t, '7251801126');
    const shop = await partnerByTax(t, '1234563218');
    expect(shop).toMatchObject({
      name: 'Księgarnia Żółty Słoń',
      status: 'pending',
      approvedAt: null,
      website: null,
    });
    expect(await t.dataSource.getRepository(UserEntity).count()).toBe(users);

    // Outlets: places with coordinates and opening hours, online shops with a URL and a code.
    const kinoOutlets = await outletsOf(t, kino.id);
    expect(kinoOutlets.grodzka).toMatchObject({
      kind: 'place',
      name: 'Kino Zamek – Stare Miasto',
      street: 'ul. Grodzka 1',
      postalCode: '20-112',
      city: 'Lublin',
      latitude: 51.2502,
      longitude: 22.5722,
      openingHours: {
        mon: [['10:00', '22:00']],
        tue: [['10:00', '22:00']],
        wed: [['10:00', '22:00']],
        thu: [['10:00', '22:00']],
        fri: [['10:00', '22:00']],
        sat: [['12:00', '23:30']],
        sun: [['12:00', '23:30']],
      },
      url: null,
      discountCode: null,
      searchText: 'kino zamek – stare miasto ul. grodzka 1 lublin',
    });
    expect(kinoOutlets.bilety).toMatchObject({
      kind: 'online',
      url: 'https://kino-zamek.example/bilety',
      discountCode: 'KDR2026',
      street: null,
      city: null,
      latitude: null,
      openingHours: null,
    });
    const aquaOutlets = await outletsOf(t, aqua.id);
    expect(aquaOutlets.swidnik).toMatchObject({ city: 'Świdnik', openingHours: null });

    // Offers: every benefit, schedule, audience; limits; outlets by ref and '*'; published and draft.
    const kinoOffers = await offersOf(t, kino.id);
    const aquaOffers = await offersOf(t, aqua.id);
    const shopOffers = await offersOf(t, shop.id);
    const byRef = { ...kinoOffers, ...aquaOffers, ...shopOffers };
    expect(Object.keys(byRef).sort()).toEqual([
      'bilet-rodzinny',
      'karnet',
      'ksiazki',
      'seans-swiateczny',
      'sylwester',
      'wejscie',
    ]);
    const { grodzka, bilety } = kinoOutlets;
    expect(byRef['bilet-rodzinny'].offer).toMatchObject({
      programmeId: programme.id,
      categoryId: culture.id,
      status: 'published',
      statusReason: null,
      texts: {
        pl: {
          title: 'Bilet rodzinny −20%',
          description: 'Seanse od poniedziałku do czwartku',
          terms: 'Z kartą i dokumentem',
        },
        en: { title: 'Family ticket −20%' },
      },
      benefit: { type: 'percent', percent: 20 },
      schedule: { kind: 'permanent' },
      audience: { kind: 'all' },
      minFamilySize: null,
      limits: { perCardPerDay: 1, perCardPerWeek: 3 },
    });
    expect(byRef['bilet-rodzinny'].outletIds).toEqual([grodzka.id, bilety.id].sort());
    expect(byRef['seans-swiateczny'].offer).toMatchObject({
      benefit: { type: 'special_price', price: 999 },
      schedule: { kind: 'seasonal', fromMonthDay: '12-15', toMonthDay: '01-06' },
      audience: { kind: 'children' },
      limits: {},
    });
    expect(byRef['seans-swiateczny'].outletIds).toEqual([grodzka.id]);
    expect(byRef.sylwester.offer).toMatchObject({
      benefit: { type: 'free_text' },
      schedule: {
        kind: 'occasional',
        startsAt: '2026-12-31T20:00+01:00',
        endsAt: '2027-01-01T02:00+01:00',
      },
      audience: { kind: 'parents' },
    });
    expect(byRef.sylwester.outletIds).toEqual([grodzka.id, bilety.id].sort()); // '*'
    expect(byRef.wejscie.offer).toMatchObject({
      categoryId: aqua.categoryId, // the partner's, as no category is given
      benefit: { type: 'free_entry' },
      schedule: { kind: 'temporary', startsOn: '2026-01-01', endsOn: '2035-12-31' },
      audience: { kind: 'age_range', minAge: 6, maxAge: 12 },
      minFamilySize: 4,
      limits: { perCardTotal: 10, perFamilyTotal: 20 },
    });
    expect(byRef.wejscie.outletIds).toEqual([aquaOutlets.czechow.id, aquaOutlets.swidnik.id].sort());
    expect(byRef.karnet.offer).toMatchObject({
      status: 'draft',
      publishedAt: null,
      benefit: { type: 'amount_off', amount: 1500 },
      schedule: { kind: 'temporary', startsOn: '2027-01-15', endsOn: '2027-02-28' },
    });
    expect(byRef.ksiazki.offer).toMatchObject({
      status: 'draft',
      benefit: { type: 'percent', percent: 12.5 },
    });

    // The derived columns are exactly what OffersService would store.
    const partners = { [kino.id]: kino, [aqua.id]: aqua, [shop.id]: shop };
    const outlets = { ...kinoOutlets, ...aquaOutlets, ...(await outletsOf(t, shop.id)) };
    const now = new Date();
    for (const { offer, outletIds } of Object.values(byRef)) {
      // Texts in the programme's language order, as the import writes them (jsonb hands keys back in its own).
      const texts = Object.fromEntries(
        programme.languages.filter((l) => offer.texts[l]).map((l) => [l, offer.texts[l]]),
      );
      const expected = derivedColumns(
        { ...offer, texts },
        {
          partnerName: partners[offer.partnerId].name,
          outlets: Object.values(outlets).filter((o) => outletIds.includes(o.id)),
          now,
          timeZone: programme.timeZone,
        },
      );
      expect({ ...offer }).toMatchObject({ ref: offer.ref, ...expected });
      expect(offer.publishedAt === null).toBe(offer.status !== 'published');
    }
    expect(byRef['bilet-rodzinny'].offer).toMatchObject({
      online: true,
      benefitType: 'percent',
      kind: 'permanent',
    });
    expect(byRef['bilet-rodzinny'].offer.searchText).toBe(
      'bilet rodzinny −20% seanse od poniedzialku do czwartku family ticket −20% kino zamek lublin',
    );
    expect(byRef.wejscie.offer.searchText).toContain('aqua lublin lublin swidnik');
    expect(byRef['seans-swiateczny'].offer.online).toBe(false);
    expect(byRef['bilet-rodzinny'].offer.windowStart).toEqual(new Date(0));
    expect(byRef.sylwester.offer.windowStart).toEqual(new Date('2026-12-31T19:00:00Z'));

    // The public catalogue finds them near the castle, nearest first; drafts and a pending partner's offers not.
    const castle = { lat: 51.2502, lon: 22.5722 };
    const res = await t.http
      .get(`/api/v1/catalogue/offers?near=${castle.lat},${castle.lon}&radius=5000`)
      .expect(200);
    const items = res.body.items as {
      title: string;
      partner: { name: string };
      nearest: { name: string; distanceMetres: number };
    }[];
    const titles = items.map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['Bilet rodzinny −20%', 'Wejście na basen dla dzieci']));
    expect(titles).not.toContain('Karnet zimowy');
    expect(titles).not.toContain('Książki taniej');
    expect(items[0]).toMatchObject({ nearest: { name: 'Kino Zamek – Stare Miasto', distanceMetres: 0 } });
    const pool = items.find((i) => i.title === 'Wejście na basen dla dzieci')!;
    expect(pool.partner.name).toBe('Aqua Lublin');
    expect(pool.nearest.name).toBe('Basen Czechów');
    expect(pool.nearest.distanceMetres).toBeCloseTo(distanceMetres(castle, { lat: 51.27, lon: 22.55 }), 0);
    const distances = items.map((i) => i.nearest.distanceMetres);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));

    // One audit row per record, by the import's system actor.
    const audit = await t.dataSource.getRepository(AuditLogEntity).find({
      where: [{ action: 'partner.import' }, { action: 'outlet.import' }, { action: 'offer.import' }],
      order: { id: 'ASC' },
    });
    expect(audit).toHaveLength(14);
    for (const row of audit)
      expect(row).toMatchObject({
        actorType: 'system',
        actorLabel: 'cli import:partners',
        summary: expect.objectContaining({ file: 'partners.csv', operation: 'create' }),
      });
    expect(audit.find((a) => a.entityId === kino.id)).toMatchObject({
      action: 'partner.import',
      entityType: 'partner',
      summary: {
        file: 'partners.csv',
        line: 2,
        operation: 'create',
        name: 'Kino Zamek',
        taxNumber: '5260250274',
        category: 'culture',
        status: 'approved',
        agreementVersion: programme.partnerAgreementVersion,
      },
    });
    expect(audit.find((a) => a.entityId === byRef.karnet.offer.id)).toMatchObject({
      action: 'offer.import',
      summary: expect.objectContaining({
        line: 12,
        ref: 'karnet',
        title: 'Karnet zimowy',
        outlets: 1,
        status: 'draft',
      }),
    });
  });

  it('running the same file again changes nothing and says everything is unchanged', async () => {
    const before = await snapshot(t);
    const load = jest.spyOn(partnerStore, 'loadStored');
    const run = await cli(t.db, ['import:partners', MAIN]);
    const reads = load.mock.calls.length;
    load.mockRestore();

    expect(run).toMatchObject({ code: 0, stderr: '' });
    // Read once: on SQLite before the transaction, nobody having written since; on PostgreSQL inside it.
    expect(reads).toBe(1);
    expect(tallies(run.stdout)).toEqual({
      partners: [0, 0, 3, 0],
      outlets: [0, 0, 5, 0],
      offers: [0, 0, 6, 0],
    });
    expect(run.stdout).toMatch(/everything was up to date: nothing changed\./);
    expect(noteLines(run.stdout)).toEqual([]);
    expect(await snapshot(t)).toEqual(before);
  });

  // SQLite: planned before the write lock is taken, and again inside if another connection wrote meanwhile.
  // (PostgreSQL plans inside the transaction with the rows read locked FOR UPDATE: an edit waits for the import.)
  (engine === 'sqlite' ? it : it.skip)(
    'makes its plan again inside the transaction when another connection wrote meanwhile',
    async () => {
      const kino = await partnerByTax(t, '5260250274');
      const outlets = t.dataSource.getRepository(OutletEntity);
      const real = partnerStore.loadStored;
      const spy = jest.spyOn(partnerStore, 'loadStored').mockImplementationOnce(async (...args) => {
        const stored = await real(...args);
        await outlets.update({ partnerId: kino.id, ref: 'grodzka' }, { name: 'Renamed meanwhile' });
        return stored;
      });
      try {
        const run = await cli(t.db, ['import:partners', MAIN]);

        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(spy).toHaveBeenCalledTimes(2); // before the transaction, and again inside it
        expect(tallies(run.stdout).outlets).toEqual([0, 1, 4, 0]);
        expect((await outlets.findOneByOrFail({ partnerId: kino.id, ref: 'grodzka' })).name).toBe(
          'Kino Zamek – Stare Miasto',
        );
      } finally {
        spy.mockRestore();
      }
    },
  );

  it('an edited file updates exactly the rows that changed, each with its audit row', async () => {
    const edited = readFileSync(MAIN, 'utf8')
      .replace('Kontakt@Kino-Zamek.example', 'bilety@kino-zamek.example')
      .replace('sat-sun 12:00-23:30', 'sat-sun 12:00-24:00')
      .replace('percent:20,permanent', 'percent:25,permanent')
      .replace('total:10;family:20,*', 'total:10;family:20,czechow')
      .replace('shopping,pending,', 'shopping,approved,')
      .replace('offer,1234563218,ksiazki,,,draft,', 'offer,1234563218,ksiazki,,,published,')
      .concat(
        'outlet,7251801126,lubartowska,Basen Lubartowska,,,,,,,,,place,ul. Lubartowska 50,20-080,Lublin,51.2574,22.5678,,,,,,,,,,,,\n',
      );
    const file = join(dir, 'partners.csv');
    writeFileSync(file, edited);
    const kino = await partnerByTax(t, '5260250274');
    const aqua = await partnerByTax(t, '7251801126');
    const shop = await partnerByTax(t, '1234563218');
    const grodzka = (await outletsOf(t, kino.id)).grodzka;
    const swidnik = (await outletsOf(t, aqua.id)).swidnik;
    const offerIds = Object.fromEntries(
      Object.values({
        ...(await offersOf(t, kino.id)),
        ...(await offersOf(t, aqua.id)),
        ...(await offersOf(t, shop.id)),
      }).map((o) => [o.offer.ref, o.offer.id]),
    );
    const before = await snapshot(t);

    const run = await cli(t.db, ['import:partners', file]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(tallies(run.stdout)).toEqual({
      partners: [0, 2, 1, 0],
      outlets: [1, 1, 4, 0],
      offers: [0, 3, 3, 0],
    });
    const after = await snapshot(t);
    const changed = (list: string[], previous: string[]) =>
      list.filter((r) => !previous.includes(r)).map((r) => r.split(' ')[0]);
    expect(changed(after.partners, before.partners).sort()).toEqual([kino.id, shop.id].sort());
    const lubartowska = (await outletsOf(t, aqua.id)).lubartowska;
    expect(changed(after.outlets, before.outlets).sort()).toEqual([grodzka.id, lubartowska.id].sort());
    expect(changed(after.offers, before.offers).sort()).toEqual(
      [offerIds['bilet-rodzinny'], offerIds.wejscie, offerIds.ksiazki].sort(),
    );
    expect(after.links.length).toBe(before.links.length - 1); // wejscie: Czechów only

    const audit = await t.dataSource
      .getRepository(AuditLogEntity)
      .find({ order: { id: 'ASC' } })
      .then((rows) => rows.filter((a) => !before.audit.includes(`${a.id} ${a.action}`)));
    const summaryOf = (id: string) => audit.find((a) => a.entityId === id)?.summary;
    expect(audit.map((a) => a.action).sort()).toEqual([
      'offer.import',
      'offer.import',
      'offer.import',
      'outlet.import',
      'outlet.import',
      'partner.import',
      'partner.import',
    ]);
    expect(summaryOf(kino.id)).toEqual({
      file: 'partners.csv',
      line: 2,
      operation: 'update',
      changes: { contactEmail: { from: 'kontakt@kino-zamek.example', to: 'bilety@kino-zamek.example' } },
    });
    expect(summaryOf(shop.id)).toMatchObject({ changes: { status: { from: 'pending', to: 'approved' } } });
    expect(summaryOf(grodzka.id)).toMatchObject({
      operation: 'update',
      ref: 'grodzka',
      changes: {
        openingHours: {
          from: expect.objectContaining({ sat: [['12:00', '23:30']] }),
          to: expect.objectContaining({ sat: [['12:00', '00:00']], sun: [['12:00', '00:00']] }),
        },
      },
    });
    expect(summaryOf(lubartowska.id)).toMatchObject({ operation: 'create', ref: 'lubartowska' });
    expect(summaryOf(offerIds['bilet-rodzinny'])).toMatchObject({
      changes: { benefit: { from: { type: 'percent', percent: 20 }, to: { type: 'percent', percent: 25 } } },
    });
    expect(summaryOf(offerIds.wejscie)).toMatchObject({
      changes: { outletIds: { added: [], removed: [swidnik.id] } },
    });
    expect(summaryOf(offerIds.ksiazki)).toMatchObject({
      changes: { status: { from: 'draft', to: 'published' } },
    });

    const approvedShop = await partnerByTax(t, '1234563218');
    expect(approvedShop).toMatchObject({ status: 'approved', approvedAt: expect.any(Date) });
    const ksiazki = (await offersOf(t, shop.id)).ksiazki.offer;
    expect(ksiazki).toMatchObject({ status: 'published', publishedAt: expect.any(Date) });
    const benefit = (await offersOf(t, kino.id))['bilet-rodzinny'].offer;
    expect(benefit).toMatchObject({ benefit: { percent: 25 }, publishedAt: expect.any(Date) });

    const again = await cli(t.db, ['import:partners', file]);
    expect(tallies(again.stdout)).toEqual({
      partners: [0, 0, 3, 0],
      outlets: [0, 0, 6, 0],
      offers: [0, 0, 6, 0],
    });
    expect(await snapshot(t)).toEqual(after);
  });

  it('lists every problem of a bad file with its line and column, exits 1 and writes nothing', async () => {
    const before = await snapshot(t);
    const file = join(FIXTURES, 'partners-bad.csv');
    const { code: FC } = await t.app.get(ProgrammesService).default();
    const expected = [
      'line 2: tax_number: is not a valid NIP (Poland): NIP check digit does not match',
      'line 4: status: must be approved or pending (got "active")',
      'line 4: name: must be longer than or equal to 2 characters',
      'line 4: contact_email: must be an e-mail address',
      `line 4: description_pl: is required (pl is the first language of programme ${FC})`,
      expect.stringMatching(
        /^line 4: category: category cinema does not exist; the programme has culture, .*shopping/,
      ),
      'line 5: latitude: is required for a place',
      'line 5: longitude: is required for a place',
      'line 5: opening_hours: mon: 09:00 is not after 17:00',
      'line 5: opening_hours: tue: intervals overlap or are out of order',
      'line 6: ref: outlet basen of this partner appears again in this file (first on line 5)',
      `line 7: tax_number: no partner 9194821999 in this file or in programme ${FC}: add a partner row for it`,
      'line 8: opening_hours: must be like "mon-fri 09:00-17:00; sat 10:00-14:00" (cannot read "weekdays 9-5")',
      'line 8: latitude: must be a number from -90 to 90',
      'line 9: min_family_size: must not be less than 3',
      `line 9: title_pl: is required (pl is the first language of programme ${FC})`,
      'line 9: benefit: percent must be 1 to 100',
      'line 9: schedule: the last day must not be before the first day',
      'line 9: audience: the minimum age must not be greater than the maximum age',
      'line 9: limits: day cannot be more than week',
      'line 9: outlets: no outlet nieznany of partner 7251801126 in this file or the database',
      'line 10: street: is not a column of offer rows; leave it empty',
      'line 10: ref: must be 1-64 letters, digits, dots, dashes or underscores',
      'line 10: benefit: must be one of percent:N, amount_off:AMOUNT, special_price:AMOUNT, free_entry or free_text (got "half price")',
      'line 10: schedule: must be one of permanent, temporary:FIRST_DAY..LAST_DAY, seasonal:MM-DD..MM-DD or occasional:START..END (got "weekly")',
      'line 11: benefit: PLN amounts have at most 2 decimal places (got "12.345")',
      'line 11: limits: must be limits such as day:1;week:3;total:10;family:20 (words: day, week, month, total, family; cannot read "hour:1")',
      'line 11: schedule: an occasional offer may last at most 31 days; make it a temporary one',
      'line 12: record: must be partner, outlet or offer (got "shop")',
      'line 15: status: offer ksiazki cannot be published while partner 4231948758 is pending: import it as draft',
      'line 16: tax_number: is required: every row names its partner by tax number',
      'line 17: row: has 3 fields where the header has 27',
      'line 17: kind: is required: place or online',
      'line 17: name: is required',
    ];

    for (const args of [['--dry-run'], []]) {
      const run = await cli(t.db, ['import:partners', file, ...args]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^Ignored columns: notes$/m);
      // Line 2-3 is one record (a description with a line break), so every later line number counts it.
      expect(problemLines(run.stdout)).toEqual(expected);
      expect(tallies(run.stdout)).toEqual({
        partners: [1, 0, 0, 2],
        outlets: [1, 0, 0, 5],
        offers: [0, 0, 0, 5],
      });
      expect(run.stdout).toMatch(/WOULD CREATE/);
      expect(run.stderr).toBe(
        `Error: ${file}: 34 problems (listed above); nothing was written. Fix the file and run it again.\n`,
      );
      expect(await snapshot(t)).toEqual(before);
    }
  });

  it.each([
    [
      'a header without the required columns',
      'name;ref\nKino;x\n',
      [],
      /line 1: the header lacks required column\(s\): record, tax_number/,
    ],
    [
      'a repeated column',
      'record,tax_number,name,Name\n',
      [],
      /line 1: the header repeats column\(s\): name/,
    ],
    ['an empty file', '', [], /the file is empty/],
    ['an unknown programme', 'record,tax_number\n', ['--programme', 'NOPE'], /there is no programme NOPE/],
    ['an unclosed quote', 'record,tax_number,name\npartner,5260250274,"Kino\n', [], /cannot parse the file/],
  ])('refuses %s: exit 1, nothing written', async (_name, content, args, message) => {
    const file = join(dir, 'broken.csv');
    writeFileSync(file, content);
    const before = await snapshot(t);
    const run = await cli(t.db, ['import:partners', file, ...args]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses a file it cannot read', async () => {
    const run = await cli(t.db, ['import:partners', join(dir, 'missing.csv')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/missing\.csv: cannot read the file: ENOENT/);
  });
});

describe(`import:partners: encodings and partners registered before (${engine})`, () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startApp();
    dir = mkdtempSync(join(tmpdir(), 'fc-import-partners-'));
  });
  afterEach(() => expectCatalogueInStep(t.dataSource));
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const excel = readFileSync(join(FIXTURES, 'partners-excel.csv'));
  const names = async () => {
    const partners = await t.dataSource.getRepository(PartnerEntity).find({ order: { taxNumber: 'ASC' } });
    const outlets = await t.dataSource.getRepository(OutletEntity).find({ order: { ref: 'ASC' } });
    const offers = await t.dataSource.getRepository(OfferEntity).find({ order: { ref: 'ASC' } });
    return [
      ...partners.map((p) => `${p.name} | ${p.contactName} | ${p.description.pl}`),
      ...outlets.map((o) => `${o.name} | ${o.street} | ${o.city}`),
      ...offers.map((o) => `${o.texts.pl.title} | ${o.texts.pl.terms ?? ''}`),
    ];
  };
  const polish = [
    'Pijalnia Czekolady „Żółć i Łoś” | Józef Śliwiński | Kawiarnia na Starym Mieście w Łodzi',
    'Muzeum Ziemi Świętokrzyskiej | Bożena Gęś | Muzeum regionalne w Kielcach',
    'Kawiarnia Piotrkowska | ul. Piotrkowska 120 | Łódź',
    'Pałac Biskupów | pl. Zamkowy 1 | Kielce',
    'Gorąca czekolada – druga gratis | Dotyczy napojów w kawiarni',
    'Wstęp dla całej rodziny | ',
  ];

  it('reads UTF-8 with a BOM, ";", CRLF, decimal commas, DD.MM.YYYY dates and Polish weekday names', async () => {
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const run = await cli(t.db, ['import:partners', join(FIXTURES, 'partners-excel.csv')]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/UTF-8 with BOM, delimiter ";"/);
    expect(tallies(run.stdout)).toEqual({
      partners: [2, 0, 0, 0],
      outlets: [2, 0, 0, 0],
      offers: [2, 0, 0, 0],
    });
    expect(await names()).toEqual(polish);
    const cafe = await partnerByTax(t, '2860913907');
    const { piotrkowska } = await outletsOf(t, cafe.id);
    expect(piotrkowska).toMatchObject({
      latitude: 51.7592,
      longitude: 19.456,
      openingHours: {
        mon: [['08:00', '20:00']],
        tue: [['08:00', '20:00']],
        wed: [['08:00', '20:00']],
        thu: [['08:00', '20:00']],
        fri: [['08:00', '20:00']],
        sat: [['09:00', '21:00']],
      },
    });
    const { czekolada } = await offersOf(t, cafe.id);
    expect(czekolada.offer.schedule).toEqual({
      kind: 'temporary',
      startsOn: '2026-12-01',
      endsOn: '2027-02-28',
    });
    const museum = await partnerByTax(t, '7030824620');
    expect((await offersOf(t, museum.id)).wstep.offer.benefit).toEqual({
      type: 'special_price',
      price: 2550,
    });
    expect((await outletsOf(t, museum.id)).zamek.openingHours).toEqual(
      Object.fromEntries(['tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['10:00', '18:00']]])),
    );
  });

  it('recognises the Windows-1250 twin and finds every name in it unchanged', async () => {
    const file = join(dir, 'partnerzy-cp1250.csv');
    const bytes = iconv.encode(excel.toString('utf8').replace(/^\uFEFF/, ''), 'windows-1250');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    writeFileSync(file, bytes);
    const run = await cli(t.db, ['import:partners', file]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/Windows-1250, delimiter ";"/);
    expect(tallies(run.stdout)).toEqual({
      partners: [0, 0, 2, 0],
      outlets: [0, 0, 2, 0],
      offers: [0, 0, 2, 0],
    });
    expect(await names()).toEqual(polish);
  });

  it('passes the example of docs/import.md without a problem', async () => {
    const run = await cli(t.db, ['import:partners', join(FIXTURES, 'partners-example.csv'), '--dry-run']);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(problemLines(run.stdout)).toEqual([]);
    expect(tallies(run.stdout)).toEqual({
      partners: [2, 0, 0, 0],
      outlets: [3, 0, 0, 0],
      offers: [4, 0, 0, 0],
    });
  });

  it('finds a registered partner by its NIP written with dashes or a PL prefix, and keeps its offers searchable', async () => {
    const manager = (await t.newUser('partner_manager')).token;
    const registered = await approvedPartner(t, manager, { taxNumber: '6260181591', name: 'Teatr Stary' });
    const stage = await addOutlet(
      t,
      registered.owner.token,
      registered.partnerId,
      placeOutlet({ ref: 'scena' }),
    );
    const offerId = await publishedOffer(t, registered, manager, offerBody([stage]));
    const partners = await t.dataSource.getRepository(PartnerEntity).count();
    const file = join(dir, 'teatr.csv');
    writeFileSync(
      file,
      'record,tax_number,ref,name,category,status,description_pl,contact_name,contact_email,kind,url\n' +
        `partner,626-018-15-91,,Teatr Nowy,culture,pending,Teatr miejski,Ewa Nowak,teatr@example.pl,,\n` +
        'outlet,PL 626 018 15 91,bilety,Teatr Nowy – bilety,,,,,,online,https://teatr.example\n',
    );

    const run = await cli(t.db, ['import:partners', file]);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(tallies(run.stdout)).toEqual({
      partners: [0, 1, 0, 0],
      outlets: [1, 0, 0, 0],
      offers: [0, 0, 0, 0],
    });
    // The file says pending; the import never takes an approval back.
    expect(noteLines(run.stdout)).toEqual([
      'note: line 2: status: partner 6260181591 stays approved: the import approves pending partners only; other decisions are taken in the API',
    ]);
    expect(await t.dataSource.getRepository(PartnerEntity).count()).toBe(partners);
    const partner = await partnerByTax(t, '6260181591');
    expect(partner).toMatchObject({ id: registered.partnerId, name: 'Teatr Nowy', status: 'approved' });
    expect(Object.keys(await outletsOf(t, partner.id)).sort()).toEqual(['bilety', 'scena']);
    // The offer is not in the file, yet it follows the partner's new name, as after an edit through the API.
    const offer = await t.dataSource.getRepository(OfferEntity).findOneByOrFail({ id: offerId });
    expect(offer.searchText).toContain('teatr nowy');
    expect(offer.searchText).not.toContain('teatr stary');
    const res = await t.http.get('/api/v1/catalogue/offers?q=teatr%20nowy').expect(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([offerId]);

    // The partner ends the offer; a file that still edits it leaves it as it is, and says so.
    await t.http
      .post(`/api/v1/partners/${partner.id}/offers/${offerId}/end`)
      .auth(registered.owner.token, { type: 'bearer' })
      .send({})
      .expect(200);
    const ended = await t.dataSource.getRepository(OfferEntity).findOneByOrFail({ id: offerId });
    writeFileSync(
      file,
      'record,tax_number,ref,title_pl,benefit,schedule,outlets\n' +
        `offer,6260181591,${ended.ref},Zniżka 15% na bilety,percent:15,permanent,scena\n`,
    );
    const before = await t.auditCount();
    const again = await cli(t.db, ['import:partners', file]);

    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(tallies(again.stdout).offers).toEqual([0, 0, 1, 0]);
    expect(noteLines(again.stdout)).toEqual([
      `note: line 2: ref: offer ${ended.ref} has ended; the import leaves it as it is`,
    ]);
    expect(await t.dataSource.getRepository(OfferEntity).findOneByOrFail({ id: offerId })).toMatchObject({
      status: 'ended',
      benefit: { type: 'percent', percent: 10 },
    });
    expect(await t.auditCount()).toBe(before);
  });
});
