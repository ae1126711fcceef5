import { addDays, todayIn } from '../../src/programmes/eligibility/civil-date';
import {
  addOutlet,
  approvedPartner,
  offerBody,
  placeOutlet,
  publishedOffer,
  RegisteredPartner,
} from './partner-factory';
import type { TestApp } from './test-app';

/** Lublin Castle: the centre of near-me searches over the seeded catalogue. */
export const CASTLE = { lat: 51.2502, lon: 22.5722 };

export interface SeededCatalogue {
  manager: string;
  cinema: RegisteredPartner;
  pool: RegisteredPartner;
  shop: RegisteredPartner;
  /** Outlet ids: the cinema at the castle and in Warsaw, the pool in Czechów (about 2.7 km away), the web shop. */
  outlets: Record<'castle' | 'warsaw' | 'czechow' | 'web', string>;
  /** Offer ids: cinema (castle and Warsaw), pool (Czechów), online (the web shop only), soon (the pool, in 10 days). */
  offers: Record<'cinema' | 'pool' | 'online' | 'soon', string>;
}

/**
 * A small public catalogue made through the API as partners and staff make it: a cinema, a swimming pool and an
 * online bookshop, approved, with outlets and published offers (one starting in 10 days).
 */
export async function seedCatalogue(t: TestApp): Promise<SeededCatalogue> {
  const manager = (await t.newUser('partner_manager')).token;
  const cinema = await approvedPartner(t, manager, { name: 'Kino Zamek', category: 'culture' });
  const pool = await approvedPartner(t, manager, { name: 'Pływalnia Czechów', category: 'sport-recreation' });
  const shop = await approvedPartner(t, manager, { name: 'Księgarnia Słowo', category: 'shopping' });
  const place = (p: RegisteredPartner, name: string, lat: number, lon: number, city: string) =>
    addOutlet(t, p.owner.token, p.partnerId, placeOutlet({ name, latitude: lat, longitude: lon, city }));
  const castle = await place(cinema, 'Kino Zamek – Stare Miasto', CASTLE.lat, CASTLE.lon, 'Lublin');
  const warsaw = await place(cinema, 'Kino Zamek – Warszawa', 52.2297, 21.0122, 'Warszawa');
  const czechow = await place(pool, 'Basen Czechów', 51.27, 22.55, 'Lublin');
  const web = await addOutlet(t, shop.owner.token, shop.partnerId, {
    kind: 'online',
    name: 'Sklep internetowy',
    url: 'https://ksiegarnia.example',
    discountCode: 'KARTA10',
  });
  const offer = (p: RegisteredPartner, outlets: string[], pl: string, en: string, extra = {}) =>
    publishedOffer(
      t,
      p,
      manager,
      offerBody(outlets, { texts: { pl: { title: pl }, en: { title: en } }, ...extra }),
    );
  const today = todayIn('Europe/Warsaw', new Date());
  return {
    manager,
    cinema,
    pool,
    shop,
    outlets: { castle, warsaw, czechow, web },
    offers: {
      cinema: await offer(cinema, [castle, warsaw], 'Bilety do kina taniej', 'Cheaper cinema tickets', {
        audience: { kind: 'children' },
        minFamilySize: 4,
      }),
      pool: await offer(pool, [czechow], 'Wejście na basen', 'Swimming pool entry', {
        benefit: { type: 'free_entry' },
      }),
      online: await offer(shop, [web], 'Książki taniej', 'Cheaper books', {
        benefit: { type: 'amount_off', amount: 1500 },
      }),
      soon: await offer(pool, [czechow], 'Ferie na basenie', 'Winter holidays at the pool', {
        schedule: { kind: 'temporary', startsOn: addDays(today, 10), endsOn: addDays(today, 20) },
      }),
    },
  };
}
