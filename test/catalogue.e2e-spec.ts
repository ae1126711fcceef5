import { createCanvas } from '@napi-rs/canvas';
import { addDays, todayIn } from '../src/programmes/eligibility/civil-date';
import { PartnerEntity } from '../src/partners/partner.entity';
import { engine } from './support/databases';
import {
  addOutlet,
  approvedPartner,
  offerBody,
  placeOutlet,
  publishedOffer,
  RegisteredPartner,
} from './support/partner-factory';
import { expectCatalogueInStep } from './support/catalogue-in-step';
import { startApp, TestApp } from './support/test-app';

/** The spherical law of cosines: a second way to the great-circle distance, to check the haversine the service uses. */
function cosineLawMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const c =
    Math.sin(r(a.lat)) * Math.sin(r(b.lat)) +
    Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.cos(r(b.lon - a.lon));
  return 6_371_008.8 * Math.acos(Math.min(1, c));
}

describe(`public catalogue (${engine})`, () => {
  let t: TestApp;
  let manager: string;
  let cinema: RegisteredPartner;
  let pool: RegisteredPartner;
  let shop: RegisteredPartner;
  const castle = { lat: 51.2502, lon: 22.5722 }; // Lublin Castle: the centre of the near-me searches
  const places = {
    oldTown: { lat: 51.248, lon: 22.568, city: 'Lublin' },
    czechow: { lat: 51.27, lon: 22.55, city: 'Lublin' },
    swidnik: { lat: 51.225, lon: 22.696, city: 'Świdnik' },
    warsaw: { lat: 52.2297, lon: 21.0122, city: 'Warszawa' },
  };
  const ids: Record<string, string> = {};

  const search = (query: string, headers: Record<string, string> = {}) =>
    t.http.get(`/api/v1/catalogue/offers?${query}`).set(headers).expect(200);
  const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((i) => i.title);
  const outlet = (p: RegisteredPartner, name: string, at: { lat: number; lon: number; city: string }) =>
    addOutlet(
      t,
      p.owner.token,
      p.partnerId,
      placeOutlet({ name, latitude: at.lat, longitude: at.lon, city: at.city }),
    );
  const offer = (
    p: RegisteredPartner,
    outletIds: string[],
    title: string,
    extra: Record<string, unknown> = {},
  ) => publishedOffer(t, p, manager, offerBody(outletIds, { texts: { pl: { title } }, ...extra }));

  beforeAll(async () => {
    t = await startApp();
    manager = (await t.newUser('partner_manager')).token;
    cinema = await approvedPartner(t, manager, { name: 'Kino Łódzkie', category: 'culture' });
    pool = await approvedPartner(t, manager, { name: 'Aqua Lublin', category: 'sport-recreation' });
    shop = await approvedPartner(t, manager, { name: 'Księgarnia Online', category: 'shopping' });
    const cinemaOldTown = await outlet(cinema, 'Kino Stare Miasto', places.oldTown);
    const cinemaWarsaw = await outlet(cinema, 'Kino Warszawa', places.warsaw);
    const poolCzechow = await outlet(pool, 'Basen Czechów', places.czechow);
    const poolSwidnik = await outlet(pool, 'Basen Świdnik', places.swidnik);
    const webShop = await addOutlet(t, shop.owner.token, shop.partnerId, {
      kind: 'online',
      name: 'Sklep',
      url: 'https://ksiegarnia.example',
      discountCode: 'KDR',
    });
    const today = todayIn('Europe/Warsaw', new Date());
    ids.cinema = await offer(cinema, [cinemaOldTown, cinemaWarsaw], 'Bilety w Łódzkim Kinie', {
      texts: { pl: { title: 'Bilety w Łódzkim Kinie' }, en: { title: 'Tickets at the Łódź cinema' } },
    });
    ids.pool = await offer(pool, [poolCzechow, poolSwidnik], 'Wejście na basen', {
      benefit: { type: 'free_entry' },
    });
    ids.swidnikOnly = await offer(pool, [poolSwidnik], 'Sauna w Świdniku');
    ids.online = await offer(shop, [webShop], 'Książki taniej', {
      benefit: { type: 'amount_off', amount: 1500 },
    });
    ids.soon = await offer(pool, [poolCzechow], 'Ferie na basenie', {
      schedule: { kind: 'temporary', startsOn: addDays(today, 10), endsOn: addDays(today, 20) },
    });
    ids.later = await offer(pool, [poolCzechow], 'Wakacje na basenie', {
      schedule: { kind: 'temporary', startsOn: addDays(today, 60), endsOn: addDays(today, 90) },
    });
    ids.paused = await offer(cinema, [cinemaOldTown], 'Wstrzymana oferta');
    await t.http
      .post(`/api/v1/partners/${cinema.partnerId}/offers/${ids.paused}/pause`)
      .auth(cinema.owner.token, { type: 'bearer' })
      .send({})
      .expect(200);
  });
  afterEach(() => expectCatalogueInStep(t.dataSource));
  afterAll(() => t.close());

  it('finds words ignoring case and diacritics, in titles, partner names and cities', async () => {
    expect(titles(await search('q=lodzkim'))).toEqual(['Bilety w Łódzkim Kinie']);
    expect(titles(await search('q=%C5%81%C3%93DZKIM%20bilety'))).toEqual(['Bilety w Łódzkim Kinie']); // "ŁÓDZKIM bilety"
    expect(titles(await search('q=aqua%20swidnik')).sort()).toEqual(['Sauna w Świdniku', 'Wejście na basen']);
    expect(titles(await search('q=nothing-like-this'))).toEqual([]);
  });

  it('shows only published offers of approved partners that hold now; paused and far-future ones are left out', async () => {
    const res = await search('limit=100');
    const found = res.body.items.map((i: { id: string }) => i.id);
    expect(found).toEqual(expect.arrayContaining([ids.cinema, ids.pool, ids.swidnikOnly, ids.online]));
    expect(found).not.toContain(ids.paused);
    expect(found).not.toContain(ids.soon);
    expect(found).not.toContain(ids.later);
    expect(res.body.items[0]).not.toHaveProperty('taxNumber');
    expect(JSON.stringify(res.body)).not.toContain(cinema.body.taxNumber as string);
  });

  it('lists offers starting within 30 days as upcoming, and both with availability=any', async () => {
    const upcoming = await search('availability=upcoming');
    expect(upcoming.body.items.map((i: { id: string }) => i.id)).toEqual([ids.soon]);
    expect(upcoming.body.items[0].availability).toBe('upcoming');
    const any = (await search('availability=any&limit=100')).body.items.map((i: { id: string }) => i.id);
    expect(any).toEqual(expect.arrayContaining([ids.soon, ids.cinema]));
    expect(any).not.toContain(ids.later);
  });

  it('sorts by great-circle distance within the radius, each offer once at its nearest outlet', async () => {
    const expected = (p: { lat: number; lon: number }) => cosineLawMetres(castle, p);
    const near = await search(`near=${castle.lat},${castle.lon}&radius=5000`);
    expect(near.body.items.map((i: { id: string }) => i.id)).toEqual([ids.cinema, ids.pool]);
    expect(near.body.total).toBe(2);
    const [first, second] = near.body.items;
    expect(first.nearest.name).toBe('Kino Stare Miasto');
    expect(Math.abs(first.nearest.distanceMetres - expected(places.oldTown))).toBeLessThanOrEqual(1);
    expect(second.nearest.name).toBe('Basen Czechów');
    expect(Math.abs(second.nearest.distanceMetres - expected(places.czechow))).toBeLessThanOrEqual(1);
    expect(expected(places.swidnik)).toBeGreaterThan(5000);

    const wider = await search(`near=${castle.lat},${castle.lon}&radius=20000`);
    expect(wider.body.items.map((i: { id: string }) => i.id)).toEqual([
      ids.cinema,
      ids.pool,
      ids.swidnikOnly,
    ]);
    const distances = wider.body.items.map(
      (i: { nearest: { distanceMetres: number } }) => i.nearest.distanceMetres,
    );
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    // Warsaw is 153 km away: the cinema's Warsaw outlet counts only with a radius that reaches it, from there.
    const warsaw = await search(`near=${places.warsaw.lat},${places.warsaw.lon}&radius=1000`);
    expect(warsaw.body.items.map((i: { nearest: { name: string } }) => i.nearest.name)).toEqual([
      'Kino Warszawa',
    ]);
  });

  it('combines near-me, category and words', async () => {
    const res = await search(
      `near=${castle.lat},${castle.lon}&radius=20000&category=sport-recreation&q=sauna`,
    );
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([ids.swidnikOnly]);
    expect(res.body.items[0].category).toBe('sport-recreation');
    const culture = await search('category=culture');
    expect(culture.body.items.map((i: { id: string }) => i.id)).toEqual([ids.cinema]);
  });

  it('online=true lists only offers that hold in an online shop, with its URL and code in the detail', async () => {
    const res = await search('online=true');
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([ids.online]);
    expect(res.body.items[0]).toMatchObject({ online: true, benefitLabel: expect.stringContaining('15,00') });
    const detail = await t.http.get(`/api/v1/catalogue/offers/${ids.online}`).expect(200);
    expect(detail.body.outlets).toEqual([
      expect.objectContaining({ kind: 'online', url: 'https://ksiegarnia.example', discountCode: 'KDR' }),
    ]);
  });

  it('answers in the language asked for, by parameter or Accept-Language, falling back to the default', async () => {
    const en = await search('q=lodz&lang=en');
    expect(en.body.items[0]).toMatchObject({ language: 'en', title: 'Tickets at the Łódź cinema' });
    const header = await search('q=lodz', { 'Accept-Language': 'en-GB,en;q=0.9' });
    expect(header.body.items[0].title).toBe('Tickets at the Łódź cinema');
    const fallback = await search('q=sauna&lang=en');
    expect(fallback.body.items[0]).toMatchObject({ language: 'en', title: 'Sauna w Świdniku' });
  });

  it('paginates with limit and offset and gives the total', async () => {
    const all = await search('limit=100');
    const pages = [await search('limit=2&offset=0'), await search('limit=2&offset=2')];
    expect(pages[0].body.total).toBe(all.body.total);
    expect([...pages[0].body.items, ...pages[1].body.items].map((i: { id: string }) => i.id)).toEqual(
      all.body.items.slice(0, 4).map((i: { id: string }) => i.id),
    );
  });

  it('shows partner and offer details; a paused offer is not found', async () => {
    const partner = await t.http.get(`/api/v1/catalogue/partners/${pool.partnerId}?lang=en`).expect(200);
    expect(partner.body).toMatchObject({ name: 'Aqua Lublin', category: 'sport-recreation', language: 'en' });
    expect(partner.body.outlets.map((o: { name: string }) => o.name)).toEqual([
      'Basen Czechów',
      'Basen Świdnik',
    ]);
    expect(partner.body.offers.map((o: { id: string }) => o.id).sort()).toEqual(
      [ids.pool, ids.swidnikOnly, ids.soon].sort(),
    );
    expect(partner.body).not.toHaveProperty('taxNumber');
    expect(partner.body).not.toHaveProperty('contactEmail');
    const offer = await t.http.get(`/api/v1/catalogue/offers/${ids.pool}`).expect(200);
    expect(offer.body).toMatchObject({
      title: 'Wejście na basen',
      benefitLabel: expect.any(String),
      availability: 'active',
    });
    expect(offer.body.outlets).toHaveLength(2);
    await t.http.get(`/api/v1/catalogue/offers/${ids.paused}`).expect(404);
  });

  it('never shows a suspended or unapproved partner, its offers or its logo', async () => {
    const hidden = await approvedPartner(t, manager, { name: 'Ukryta Kawiarnia', category: 'food' });
    const place = await outlet(hidden, 'Kawiarnia', places.oldTown);
    const offerId = await offer(hidden, [place], 'Kawa za pół ceny');
    await t.http
      .put(`/api/v1/partners/${hidden.partnerId}/logo`)
      .auth(hidden.owner.token, { type: 'bearer' })
      .set('Content-Type', 'image/png')
      .send(createCanvas(20, 20).toBuffer('image/png'))
      .expect(200);
    expect(titles(await search('q=kawa'))).toEqual(['Kawa za pół ceny']);
    await t.http.get(`/api/v1/catalogue/partners/${hidden.partnerId}/logo`).expect(200);

    await t.http
      .post(`/api/v1/partners/${hidden.partnerId}/suspend`)
      .auth(manager, { type: 'bearer' })
      .send({ reason: 'Checking complaints' })
      .expect(200);
    const expectHidden = async () => {
      expect(titles(await search('q=kawa&availability=any'))).toEqual([]);
      expect(titles(await search(`near=${castle.lat},${castle.lon}&radius=2000&q=kawa`))).toEqual([]);
      await t.http.get(`/api/v1/catalogue/offers/${offerId}`).expect(404);
      await t.http.get(`/api/v1/catalogue/partners/${hidden.partnerId}`).expect(404);
      await t.http.get(`/api/v1/catalogue/partners/${hidden.partnerId}/logo`).expect(404);
      const feed = await t.http.get('/api/v1/catalogue/feed.json').expect(200);
      expect(feed.text).not.toContain(offerId);
    };
    await expectHidden();
    // A partner back to pending (say, after a change of owner) is not public either, though its offer stays published.
    await t.dataSource.getRepository(PartnerEntity).update({ id: hidden.partnerId }, { status: 'pending' });
    await expectHidden();
  });

  it("follows the partner's new name and its outlets' cities and kinds into search", async () => {
    const bakery = await approvedPartner(t, manager, { name: 'Piekarnia Pod Lipą', category: 'food' });
    const place = await outlet(bakery, 'Piekarnia', places.oldTown);
    const web = await addOutlet(t, bakery.owner.token, bakery.partnerId, {
      kind: 'online',
      name: 'Sklep piekarni',
      url: 'https://piekarnia.example',
    });
    const id = await offer(bakery, [place, web], 'Chleb taniej');
    const found = async (query: string) =>
      (await search(`${query}&limit=100`)).body.items.some((i: { id: string }) => i.id === id);
    expect(await found('q=lipa')).toBe(true);
    expect(await found('online=true')).toBe(true);
    const as = (url: string) => t.http.patch(url).auth(bakery.owner.token, { type: 'bearer' });
    await as(`/api/v1/partners/${bakery.partnerId}`).send({ name: 'Piekarnia Złoty Kłos' }).expect(200);
    expect(await found('q=zloty%20klos')).toBe(true);
    expect(await found('q=lipa')).toBe(false);
    await as(`/api/v1/partners/${bakery.partnerId}/outlets/${place}`).send({ city: 'Zamość' }).expect(200);
    expect(await found('q=zamosc%20chleb')).toBe(true);
    await t.http
      .delete(`/api/v1/partners/${bakery.partnerId}/outlets/${web}`)
      .auth(bakery.owner.token, { type: 'bearer' })
      .expect(204);
    expect(await found('online=true')).toBe(false);
    expect(await found('q=chleb')).toBe(true);
  });

  it('publishes the newest offers as a JSON Feed 1.1', async () => {
    const res = await t.http.get('/api/v1/catalogue/feed.json?lang=en').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/feed\+json/);
    const feed = JSON.parse(res.text);
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', language: 'en' });
    const feedIds = feed.items.map((i: { id: string }) => i.id);
    expect(feedIds).toEqual(expect.arrayContaining([ids.cinema, ids.soon, ids.online]));
    expect(feedIds).not.toContain(ids.paused);
    expect(feedIds).not.toContain(ids.later);
    const dates = feed.items.map((i: { date_published: string }) => i.date_published);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(feed.items.find((i: { id: string }) => i.id === ids.cinema).title).toBe(
      'Kino Łódzkie: Tickets at the Łódź cinema (−10%)',
    );
  });

  it.each([
    ['near=95,20', 'near'],
    ['near=51.2,22.5&radius=50', 'radius'],
    ['availability=soon', 'availability'],
    ['category=casinos', 'category'],
    ['online=maybe', 'online'],
    ['limit=1000', 'limit'],
    ['lang=polish', 'lang'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await t.http.get(`/api/v1/catalogue/offers?${query}`).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
