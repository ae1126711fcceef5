/**
 * A national partner catalogue made up for benchmarks (used by bench/catalogue.bench.ts and bench/seed.ts):
 * approved partners (plus ~5 % suspended or pending), outlets over ~50 Polish cities and ~8 % online shops,
 * published offers (plus ~12 % drafts, pending, paused and ended ones) linked to 1–3 outlets each, written
 * straight into the tables, then the catalogue's search rows built as a migration would.
 */
import type Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import { prng } from './card-register';

const DAY = 86_400_000;

export interface CatalogueCounts {
  /** Approved partners; 3 % more suspended and 2 % pending. */
  partners: number;
  outlets: number;
  /** Published offers; 12 % more in the other states. */
  offers: number;
}

// ---------------------------------------------------------------------------------------------------------------
// The country: cities with their centres, a weight (their share of places, about %) and the postal code prefix.

export const CITIES: [name: string, lat: number, lon: number, weight: number, postal: string][] = [
  ['Warszawa', 52.2297, 21.0122, 12, '00'],
  ['Kraków', 50.0647, 19.945, 7, '30'],
  ['Wrocław', 51.1079, 17.0385, 5.8, '50'],
  ['Łódź', 51.7592, 19.456, 5.8, '90'],
  ['Poznań', 52.4064, 16.9252, 5.2, '60'],
  ['Gdańsk', 54.352, 18.6466, 4.7, '80'],
  ['Szczecin', 53.4285, 14.5528, 3.7, '70'],
  ['Bydgoszcz', 53.1235, 18.0084, 3.3, '85'],
  ['Lublin', 51.2465, 22.5684, 3.3, '20'],
  ['Białystok', 53.1325, 23.1688, 2.8, '15'],
  ['Katowice', 50.2649, 19.0238, 3, '40'],
  ['Gdynia', 54.5189, 18.5305, 2.3, '81'],
  ['Częstochowa', 50.8118, 19.1203, 2, '42'],
  ['Radom', 51.4027, 21.1471, 1.9, '26'],
  ['Rzeszów', 50.0412, 21.9991, 2, '35'],
  ['Toruń', 53.0138, 18.5984, 1.9, '87'],
  ['Sosnowiec', 50.2863, 19.1041, 1.7, '41'],
  ['Kielce', 50.8661, 20.6286, 1.7, '25'],
  ['Gliwice', 50.2945, 18.6714, 1.6, '44'],
  ['Olsztyn', 53.7784, 20.4801, 1.6, '10'],
  ['Zabrze', 50.3249, 18.7857, 1.4, '41'],
  ['Bielsko-Biała', 49.8224, 19.0584, 1.5, '43'],
  ['Bytom', 50.3484, 18.9156, 1.3, '41'],
  ['Zielona Góra', 51.9356, 15.5062, 1.3, '65'],
  ['Rybnik', 50.1022, 18.5463, 1.2, '44'],
  ['Ruda Śląska', 50.2558, 18.8556, 1, '41'],
  ['Opole', 50.6751, 17.9213, 1.3, '45'],
  ['Tychy', 50.1218, 18.9866, 1.2, '43'],
  ['Gorzów Wielkopolski', 52.7368, 15.2288, 1, '66'],
  ['Elbląg', 54.1561, 19.4045, 1, '82'],
  ['Płock', 52.5463, 19.7065, 1, '09'],
  ['Dąbrowa Górnicza', 50.3217, 19.1949, 0.9, '41'],
  ['Wałbrzych', 50.7714, 16.2844, 0.9, '58'],
  ['Włocławek', 52.6482, 19.0678, 0.9, '87'],
  ['Tarnów', 50.0121, 20.9858, 0.9, '33'],
  ['Chorzów', 50.2975, 18.9545, 0.8, '41'],
  ['Koszalin', 54.1944, 16.1722, 0.9, '75'],
  ['Kalisz', 51.7611, 18.091, 0.9, '62'],
  ['Legnica', 51.207, 16.1553, 0.9, '59'],
  ['Grudziądz', 53.4837, 18.7536, 0.8, '86'],
  ['Zakopane', 49.2992, 19.9496, 0.9, '34'],
  ['Sopot', 54.4416, 18.5601, 0.7, '81'],
  ['Kołobrzeg', 54.1757, 15.5833, 0.7, '78'],
  ['Nowy Sącz', 49.6218, 20.697, 0.8, '33'],
  ['Łomża', 53.1781, 22.0593, 0.6, '18'],
  ['Suwałki', 54.1118, 22.9309, 0.6, '16'],
  ['Augustów', 53.8433, 22.9799, 0.5, '16'],
  ['Żywiec', 49.6855, 19.1923, 0.5, '34'],
];
const JITTER_METRES = 8_000;

const STREETS = [
  'ul. Marszałkowska',
  'ul. Piotrkowska',
  'ul. Długa',
  'ul. Świętojańska',
  'ul. Mickiewicza',
  'ul. Słowackiego',
  'ul. Kościuszki',
  'ul. Żeromskiego',
  'ul. Sienkiewicza',
  'ul. Jana Pawła II',
  'al. Jerozolimskie',
  'ul. Łąkowa',
  'ul. Ogrodowa',
  'ul. Źródlana',
  'ul. Polna',
  'ul. Leśna',
  'ul. Kwiatowa',
  'ul. Różana',
  'ul. Wrzosowa',
  'pl. Wolności',
];

/** Partner categories (slugs of the programme's seeded categories) with their share of partners. */
export const CATEGORY_MIX: [string, number][] = [
  ['food', 20],
  ['shopping', 14],
  ['services', 12],
  ['health', 10],
  ['sport-recreation', 10],
  ['culture', 8],
  ['education', 8],
  ['tourism', 8],
  ['transport', 3],
  ['online', 7],
];

/** Partner name prefixes and offer items (Polish, English) by category. */
const PREFIXES: Record<string, string[]> = {
  food: ['Pizzeria', 'Restauracja', 'Kawiarnia', 'Bar mleczny', 'Cukiernia', 'Piekarnia', 'Lodziarnia'],
  shopping: ['Sklep', 'Księgarnia', 'Świat Zabawek', 'Obuwie', 'Dom Handlowy', 'Salon Rowerowy'],
  services: ['Fryzjer', 'Pralnia', 'Warsztat', 'Studio Foto', 'Zakład Krawiecki', 'Szewc'],
  health: ['Apteka', 'Przychodnia', 'Gabinet Stomatologiczny', 'Optyk', 'Centrum Rehabilitacji'],
  'sport-recreation': [
    'Basen',
    'Klub Fitness',
    'Kręgielnia',
    'Park Trampolin',
    'Lodowisko',
    'Klub Wspinaczkowy',
  ],
  culture: ['Kino', 'Teatr', 'Muzeum', 'Galeria', 'Filharmonia', 'Dom Kultury'],
  education: ['Szkoła Językowa', 'Akademia', 'Centrum Nauki', 'Szkoła Muzyczna', 'Pracownia Robotyki'],
  tourism: ['Hotel', 'Pensjonat', 'Biuro Podróży', 'Agroturystyka', 'Schronisko'],
  transport: ['Taxi', 'Przewozy', 'Stacja Paliw', 'Wypożyczalnia Aut'],
  online: ['e-Sklep', 'Księgarnia internetowa', 'Platforma', 'Sklep online'],
};
const ITEMS: Record<string, [string, string][]> = {
  food: [
    ['Pizza margherita', 'Margherita pizza'],
    ['Pizza rodzinna', 'Family pizza'],
    ['Pierogi ruskie', 'Pierogi'],
    ['Żurek w chlebie', 'Sour rye soup in bread'],
    ['Kawa i ciastko', 'Coffee and cake'],
    ['Lody włoskie', 'Italian ice cream'],
    ['Naleśniki z serem', 'Cheese pancakes'],
    ['Obiad dnia', 'Lunch of the day'],
    ['Śniadanie rodzinne', 'Family breakfast'],
    ['Zestaw sushi', 'Sushi set'],
    ['Kebab', 'Kebab'],
    ['Pączki', 'Doughnuts'],
    ['Zapiekanka', 'Toasted baguette'],
    ['Gofry', 'Waffles'],
  ],
  shopping: [
    ['Zabawki', 'Toys'],
    ['Obuwie dziecięce', "Children's shoes"],
    ['Książki', 'Books'],
    ['Odzież', 'Clothing'],
    ['Artykuły szkolne', 'School supplies'],
    ['Rowery', 'Bicycles'],
    ['Meble', 'Furniture'],
    ['Artykuły sportowe', 'Sports gear'],
  ],
  services: [
    ['Strzyżenie', 'Haircut'],
    ['Pranie chemiczne', 'Dry cleaning'],
    ['Przegląd samochodu', 'Car service'],
    ['Sesja zdjęciowa', 'Photo session'],
    ['Naprawa obuwia', 'Shoe repair'],
    ['Sprzątanie', 'Cleaning'],
    ['Usługi krawieckie', 'Tailoring'],
  ],
  health: [
    ['Wizyta u stomatologa', 'Dentist visit'],
    ['Okulary korekcyjne', 'Glasses'],
    ['Badania krwi', 'Blood tests'],
    ['Rehabilitacja', 'Physiotherapy'],
    ['Leki bez recepty', 'Over-the-counter medicines'],
    ['Masaż', 'Massage'],
    ['Wizyta u pediatry', 'Paediatrician visit'],
  ],
  'sport-recreation': [
    ['Basen', 'Swimming pool'],
    ['Karnet na siłownię', 'Gym pass'],
    ['Kręgle', 'Bowling'],
    ['Park trampolin', 'Trampoline park'],
    ['Ścianka wspinaczkowa', 'Climbing wall'],
    ['Lodowisko', 'Ice rink'],
    ['Zajęcia fitness', 'Fitness classes'],
    ['Park linowy', 'Rope park'],
    ['Wypożyczalnia rowerów', 'Bike rental'],
  ],
  culture: [
    ['Bilet do kina', 'Cinema ticket'],
    ['Spektakl w teatrze', 'Theatre play'],
    ['Wstęp do muzeum', 'Museum entry'],
    ['Koncert rodzinny', 'Family concert'],
    ['Warsztaty plastyczne', 'Art workshops'],
    ['Wystawa', 'Exhibition'],
    ['Seans 3D', '3D screening'],
    ['Opera dla dzieci', 'Opera for children'],
  ],
  education: [
    ['Kurs angielskiego', 'English course'],
    ['Korepetycje z matematyki', 'Maths tutoring'],
    ['Zajęcia z robotyki', 'Robotics classes'],
    ['Szkoła pływania', 'Swimming school'],
    ['Nauka gry na pianinie', 'Piano lessons'],
    ['Kurs programowania', 'Coding course'],
    ['Półkolonie', 'Day camp'],
  ],
  tourism: [
    ['Nocleg ze śniadaniem', 'Bed and breakfast'],
    ['Wczasy nad morzem', 'Seaside holiday'],
    ['Wycieczka w góry', 'Mountain trip'],
    ['Kolonie letnie', 'Summer camp'],
    ['Zwiedzanie z przewodnikiem', 'Guided tour'],
    ['Spływ kajakowy', 'Kayaking'],
    ['Pobyt w agroturystyce', 'Farm stay'],
  ],
  transport: [
    ['Bilet miesięczny', 'Monthly ticket'],
    ['Przejazd taksówką', 'Taxi ride'],
    ['Bilet kolejowy', 'Train ticket'],
    ['Wynajem samochodu', 'Car rental'],
    ['Paliwo', 'Fuel'],
    ['Myjnia', 'Car wash'],
  ],
  online: [
    ['Zakupy w e-sklepie', 'Online shopping'],
    ['Dostawa gratis', 'Free delivery'],
    ['E-booki', 'E-books'],
    ['Kursy online', 'Online courses'],
    ['Abonament streamingowy', 'Streaming subscription'],
    ['Bilety online', 'Online tickets'],
  ],
};
const NAME_WORDS = [
  'Pod Złotą Różą',
  'Żółty Słonik',
  'Świetlik',
  'Łąka',
  'Gęsia Sztuka',
  'Mała Wróżka',
  'Źródełko',
  'Pod Dębem',
  'Słoneczko',
  'Bajka',
  'Wesoła Ciuchcia',
  'Sówka',
  'Zielony Żabiak',
  'Stary Młyn',
  'Bociani Kąt',
  'Jaś i Małgosia',
  'Smocza Jama',
  'Nad Wisłą',
  'Kasztanowy Dwór',
  'Srebrna Łyżeczka',
  'Pszczółka',
  'Różowy Jeż',
  'Ogród Świateł',
  'Leśna Polana',
  'Błękitna Fala',
  'Złoty Kłos',
  'Ważka',
  'Szczęśliwa Siódemka',
  'Wiśniowy Sad',
  'Żurawiejka',
];
const FIRST_NAMES = ['Łukasz', 'Małgorzata', 'Grzegorz', 'Agnieszka', 'Paweł', 'Joanna', 'Zbigniew', 'Ewa'];
const SURNAMES = [
  'Wiśniewski',
  'Wójcik',
  'Kowalczyk',
  'Kamińska',
  'Zieliński',
  'Szymańska',
  'Woźniak',
  'Dąbrowska',
];
const DESCRIPTIONS: [string, string][] = [
  ['Rabat dla posiadaczy Karty Dużej Rodziny.', 'A discount for Large Family Card holders.'],
  ['Zniżka ważna po okazaniu karty wraz z dokumentem.', 'Show the card with an identity document.'],
  [
    'Oferta dla całej rodziny, także w weekendy i święta.',
    'For the whole family, weekends and holidays too.',
  ],
  ['Nie łączy się z innymi promocjami.', 'Cannot be combined with other promotions.'],
];

// ---------------------------------------------------------------------------------------------------------------
// Seeded data, engine-neutral: Dates, booleans and JSON objects are turned into each engine's literals on insert.

export type Value = string | number | boolean | null | Date | object;

export interface Table {
  name: string;
  columns: string[];
  json: string[];
}

export const TABLES = {
  partners: {
    name: 'partners',
    columns: [
      'id',
      'programme_id',
      'name',
      'search_name',
      'tax_number',
      'category_id',
      'description',
      'website',
      'contact_name',
      'contact_email',
      'contact_phone',
      'status',
      'status_reason',
      'agreement_version',
      'agreement_accepted_at',
      'approved_at',
      'created_at',
      'updated_at',
    ],
    json: ['description'],
  },
  outlets: {
    name: 'outlets',
    columns: [
      'id',
      'partner_id',
      'ref',
      'kind',
      'name',
      'street',
      'postal_code',
      'city',
      'latitude',
      'longitude',
      'opening_hours',
      'url',
      'discount_code',
      'search_text',
    ],
    json: ['opening_hours'],
  },
  offers: {
    name: 'offers',
    columns: [
      'id',
      'programme_id',
      'partner_id',
      'ref',
      'category_id',
      'status',
      'status_reason',
      'texts',
      'search_text',
      'benefit_type',
      'benefit',
      'kind',
      'schedule',
      'window_start',
      'window_end',
      'audience',
      'min_family_size',
      'limits',
      'online',
      'published_at',
      'created_at',
      'updated_at',
    ],
    json: ['texts', 'benefit', 'schedule', 'audience', 'limits'],
  },
  offerOutlets: { name: 'offer_outlets', columns: ['offer_id', 'outlet_id'], json: [] },
} satisfies Record<string, Table>;

export interface Dataset {
  partners: Value[][];
  outlets: Value[][];
  offers: Value[][];
  offerOutlets: Value[][];
}

export interface Context {
  programmeId: string;
  timeZone: string;
  categories: Map<string, string>;
  fold: (text: string) => string;
  windows: (
    schedule: object,
    now: Date,
    timeZone: string,
  ) => { windowStart: Date | null; windowEnd: Date | null };
}

/** Picks by weight: binary search over the cumulative weights. */
export function weighted<T>(items: readonly T[], weight: (item: T) => number, random: () => number): () => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (const item of items) cumulative.push((sum += weight(item)));
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

/** A valid Polish NIP (weights 6,5,7,2,3,4,5,6,7; the check digit is the sum mod 11, never 10). */
function nipGenerator(): () => string {
  let n = 123_000_000;
  const w = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  return () => {
    for (;;) {
      const digits = String(n++).padStart(9, '0');
      const check = [...digits].reduce((sum, d, i) => sum + Number(d) * w[i], 0) % 11;
      if (check !== 10) return `${digits}${check}`;
    }
  };
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthDay = (ms: number) => new Date(ms).toISOString().slice(5, 10);

export function generate(
  ctx: Context,
  now: Date,
  counts: CatalogueCounts,
): Dataset & { summary: Record<string, number> } {
  const random = prng(20_260_401);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const pickCity = weighted(CITIES, (c) => c[3], random);
  const pickCategory = weighted(CATEGORY_MIX, (c) => c[1], random);
  const nip = nipGenerator();
  const t = now.getTime();
  const data: Dataset = { partners: [], outlets: [], offers: [], offerOutlets: [] };
  const summary: Record<string, number> = {};
  const count = (key: string) => (summary[key] = (summary[key] ?? 0) + 1);

  // Partners: BENCH_counts.partners approved, 3 % more suspended (their offers must not show) and 2 % pending.
  interface Partner {
    id: string;
    name: string;
    category: string;
    city: (typeof CITIES)[number];
    status: string;
    chain: boolean;
    /** How many outlets beyond the first it tends to have. */
    spread: number;
    outlets: { id: string; kind: string; city: string | null }[];
  }
  const statuses = [
    ...Array<string>(counts.partners).fill('approved'),
    ...Array<string>(Math.round(counts.partners * 0.03)).fill('suspended'),
    ...Array<string>(Math.round(counts.partners * 0.02)).fill('pending'),
  ];
  for (let i = statuses.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [statuses[i], statuses[j]] = [statuses[j], statuses[i]];
  }
  const partners: Partner[] = statuses.map((status) => {
    const category = pickCategory()[0];
    const city = pickCity();
    const name = `${pick(PREFIXES[category])} ${pick(NAME_WORDS)}${random() < 0.3 ? ` ${city[0]}` : ''}`;
    const chain = status !== 'pending' && category !== 'online' && random() < 0.015;
    const local = status === 'pending' || category === 'online' || random() < 0.6 ? 0 : 0.5 + random() * 3;
    return {
      id: timeOrderedUuid(),
      name,
      category,
      city,
      status,
      chain,
      spread: chain ? 40 : local,
      outlets: [],
    };
  });
  for (const [i, p] of partners.entries()) {
    const registered = new Date(t - int(30, 900) * DAY);
    const first = pick(FIRST_NAMES);
    const last = pick(SURNAMES);
    const [descPl, descEn] = pick(DESCRIPTIONS);
    data.partners.push([
      p.id,
      ctx.programmeId,
      p.name,
      ctx.fold(p.name),
      nip(),
      ctx.categories.get(p.category)!,
      { pl: `${p.name}: ${descPl}`, en: `${p.name}: ${descEn}` },
      random() < 0.6 ? `https://partner-${i}.example.pl/` : null,
      `${first} ${last}`,
      `kontakt${i}@partner.example.pl`,
      random() < 0.7 ? `+48 ${int(500, 799)} ${int(100, 999)} ${int(100, 999)}` : null,
      p.status,
      p.status === 'suspended' ? 'Naruszenie warunków umowy partnerskiej' : null,
      '1.0',
      registered,
      p.status === 'pending' ? null : new Date(registered.getTime() + int(1, 14) * DAY),
      registered,
      registered,
    ]);
    count(`partners ${p.status}`);
  }

  // Outlets: one per partner, the rest by weight: chains take dozens across cities, 40 % of the others a few more.
  const perPartner = new Map<Partner, number>(partners.map((p) => [p, 1]));
  const pickForOutlet = weighted(partners, (p) => p.spread, random);
  for (let k = partners.length; k < counts.outlets; k++) {
    const p = pickForOutlet();
    perPartner.set(p, perPartner.get(p)! + 1);
  }
  // ~8 % of outlets are online shops: every outlet of an online-only partner, one of some others'.
  const onlineOnly = partners.filter((p) => p.category === 'online').length;
  const onlineShare = Math.max(0, (counts.outlets * 0.08 - onlineOnly) / (partners.length - onlineOnly));
  let ref = 0;
  for (const p of partners) {
    const n = perPartner.get(p)!;
    const hasShop = p.category === 'online' || random() < onlineShare;
    for (let k = 0; k < n; k++) {
      const id = timeOrderedUuid();
      const online = p.category === 'online' || (hasShop && k === n - 1);
      if (online) {
        const slug = ctx.fold(p.name).replace(/[^a-z0-9]+/g, '-');
        const name = `${p.name} – sklep internetowy`;
        data.outlets.push([
          id,
          p.id,
          `shop-${++ref}`,
          'online',
          name,
          null,
          null,
          null,
          null,
          null,
          null,
          `https://${slug}.example.pl/`,
          random() < 0.6 ? `DUZARODZINA${int(10, 99)}` : null,
          ctx.fold(name),
        ]);
        p.outlets.push({ id, kind: 'online', city: null });
        count('outlets online');
        continue;
      }
      // A chain spreads over the country; a local business stays in its town (now and then the next one).
      const city = p.chain || random() < 0.1 ? pickCity() : p.city;
      const distance = JITTER_METRES * random() ** 0.8;
      const bearing = random() * 2 * Math.PI;
      const lat = city[1] + (distance * Math.cos(bearing)) / 111_320;
      const lon = city[2] + (distance * Math.sin(bearing)) / (111_320 * Math.cos((city[1] * Math.PI) / 180));
      const street = `${pick(STREETS)} ${int(1, 180)}${random() < 0.2 ? `/${int(1, 40)}` : ''}`;
      const name = p.chain || n > 1 ? `${p.name} ${city[0]} ${street.replace(/^\S+ /, '')}` : p.name;
      const hours =
        random() < 0.8
          ? {
              mon: [['09:00', '18:00']],
              tue: [['09:00', '18:00']],
              wed: [['09:00', '18:00']],
              thu: [['09:00', '18:00']],
              fri: [['09:00', '20:00']],
              sat: [['10:00', '16:00']],
              ...(random() < 0.4 ? { sun: [['10:00', '14:00']] } : {}),
            }
          : null;
      data.outlets.push([
        id,
        p.id,
        `place-${++ref}`,
        'place',
        name,
        street,
        `${city[4]}-${String(int(0, 999)).padStart(3, '0')}`,
        city[0],
        Number(lat.toFixed(6)),
        Number(lon.toFixed(6)),
        hours,
        null,
        null,
        ctx.fold([name, street, city[0]].join(' ')),
      ]);
      p.outlets.push({ id, kind: 'place', city: city[0] });
      count('outlets place');
      if (city[0] === 'Warszawa') count('outlets in Warszawa');
    }
  }

  // Offers: BENCH_counts.offers published (of approved and suspended partners), ~12 % more in the other states.
  const live = partners.filter((p) => p.status !== 'pending');
  const pickLive = weighted(live, (p) => 1 + Math.min(p.outlets.length, 10) * 0.5, random);
  const pickAny = weighted(partners, (p) => 1 + Math.min(p.outlets.length, 10) * 0.5, random);
  const extra = Math.round(counts.offers * 0.03);
  const states: [string, number][] = [
    ['published', counts.offers],
    ['draft', extra],
    ['pending_approval', extra],
    ['paused', extra],
    ['ended', extra],
  ];
  const nonOnline = CATEGORY_MIX.map(([slug]) => slug).filter((s) => s !== 'online');
  for (const [status, n] of states)
    for (let k = 0; k < n; k++) {
      const p = status === 'draft' || status === 'pending_approval' ? pickAny() : pickLive();
      const category = random() < 0.9 ? p.category : pick(nonOnline);
      const [itemPl, itemEn] = pick(ITEMS[category]);
      const benefit = pickBenefit(random, int);
      const [descPl, descEn] = pick(DESCRIPTIONS);
      const texts = {
        pl: {
          title: `${itemPl} ${benefit.pl}`,
          description: `${descPl} ${p.name}.`,
          terms: 'Jedna zniżka na kartę przy jednej wizycie.',
        },
        en: { title: `${itemEn} ${benefit.en}`, description: descEn },
      };
      const schedule = pickSchedule(random, int, t);
      const windows = ctx.windows(schedule, now, ctx.timeZone);
      // 1–3 outlets of its own partner, the online shop among them now and then.
      const links = [...p.outlets];
      const linked = Math.min(int(1, 3), links.length);
      for (let j = 0; j < linked; j++) {
        const r = j + Math.floor(random() * (links.length - j));
        [links[j], links[r]] = [links[r], links[j]];
      }
      links.length = linked;
      const shop = p.outlets.find((o) => o.kind === 'online');
      if (shop && !links.includes(shop) && random() < 0.5) links[links.length - 1] = shop;
      const cities = [...new Set(links.map((o) => o.city ?? ''))].filter(Boolean);
      const id = timeOrderedUuid();
      const published =
        status === 'published' || status === 'paused' || status === 'ended'
          ? new Date(t - int(1, 700) * DAY - int(0, DAY))
          : null;
      const created = new Date((published?.getTime() ?? t) - int(1, 10) * DAY);
      data.offers.push([
        id,
        ctx.programmeId,
        p.id,
        `offer-${data.offers.length + 1}`,
        ctx.categories.get(category)!,
        status,
        status === 'ended' ? 'Zakończona przez partnera' : null,
        texts,
        ctx.fold(
          [
            texts.pl.title,
            texts.pl.description,
            texts.en.title,
            texts.en.description,
            p.name,
            ...cities,
          ].join(' '),
        ),
        benefit.value.type,
        benefit.value,
        schedule.kind,
        schedule,
        windows.windowStart,
        windows.windowEnd,
        pickAudience(random),
        random() < 0.15 ? int(3, 5) : null,
        pickLimits(random),
        links.some((o) => o.kind === 'online'),
        published,
        created,
        published ?? created,
      ]);
      for (const o of new Set(links)) data.offerOutlets.push([id, o.id]);
      count(`offers ${status}`);
      count(`offers ${schedule.kind}`);
      if (status === 'published' && p.status === 'approved') {
        const { windowStart: s, windowEnd: e } = windows;
        if (s && s.getTime() <= t && (!e || e.getTime() > t)) count('offers visible now');
        else if (s && s.getTime() > t && s.getTime() <= t + 30 * DAY) count('offers upcoming');
      }
    }
  return { ...data, summary };
}

function pickBenefit(
  random: () => number,
  int: (min: number, max: number) => number,
): { value: Record<string, unknown> & { type: string }; pl: string; en: string } {
  const x = random();
  if (x < 0.5) {
    const percent = [10, 15, 20, 25, 30, 50][int(0, 5)];
    return { value: { type: 'percent', percent }, pl: `−${percent}%`, en: `${percent}% off` };
  }
  if (x < 0.65) {
    const amount = int(5, 50) * 100;
    return {
      value: { type: 'amount_off', amount },
      pl: `${amount / 100} zł taniej`,
      en: `PLN ${amount / 100} off`,
    };
  }
  if (x < 0.75) {
    const price = int(5, 40) * 100 - 1;
    const zl = (price / 100).toFixed(2);
    return {
      value: { type: 'special_price', price },
      pl: `za ${zl.replace('.', ',')} zł`,
      en: `for PLN ${zl}`,
    };
  }
  if (x < 0.85)
    return { value: { type: 'free_entry' }, pl: 'wstęp wolny dla dzieci', en: 'free entry for children' };
  return { value: { type: 'free_text' }, pl: 'drugi gratis', en: 'second one free' };
}

/** Permanent, temporary (mostly running, some upcoming, some over), seasonal, occasional. */
function pickSchedule(
  random: () => number,
  int: (min: number, max: number) => number,
  t: number,
): { kind: string } & Record<string, string> {
  const x = random();
  if (x < 0.45) return { kind: 'permanent' };
  if (x < 0.7) {
    // Running ones from the first of a month to the end of one; upcoming ones from a day 1–6 weeks ahead.
    const today = new Date(t);
    const month = (offset: number, day: number) =>
      isoDate(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, day));
    const y = random();
    if (y < 0.75) return { kind: 'temporary', startsOn: month(-int(0, 3), 1), endsOn: month(int(1, 6), 0) };
    if (y < 0.9) {
      const start = t + int(1, 6) * 7 * DAY;
      return {
        kind: 'temporary',
        startsOn: isoDate(start),
        endsOn: isoDate(start + (int(2, 12) * 7 - 1) * DAY),
      };
    }
    return { kind: 'temporary', startsOn: month(-int(4, 10), 1), endsOn: month(-int(0, 2), 0) };
  }
  if (x < 0.85) {
    const seasons: [string, string][] = [
      ['01-15', '02-28'], // winter school holidays
      ['06-20', '08-31'], // summer
      ['12-01', '01-06'], // Christmas, across New Year
      ['08-15', '09-15'], // back to school
      [monthDay(t - 30 * DAY), monthDay(t + 30 * DAY)], // in season now
      [monthDay(t - 60 * DAY), monthDay(t + 60 * DAY)],
    ];
    const [fromMonthDay, toMonthDay] = seasons[int(0, seasons.length - 1)];
    return { kind: 'seasonal', fromMonthDay, toMonthDay };
  }
  // Occasional: an evening or a festival of a few days, half of them ahead, some running, some over.
  const y = random();
  const start =
    y < 0.5 ? t + int(1, 60 * 24) * 3_600_000 : y < 0.8 ? t - int(1, 48) * 3_600_000 : t - int(3, 90) * DAY;
  const hours = random() < 0.6 ? int(2, 5) : int(24, 96);
  const end = Math.max(start + hours * 3_600_000, y >= 0.5 && y < 0.8 ? t + int(1, 72) * 3_600_000 : 0);
  const instant = (ms: number) =>
    new Date(Math.round(ms / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');
  return { kind: 'occasional', startsAt: instant(start), endsAt: instant(end) };
}

function pickAudience(random: () => number): object {
  const x = random();
  if (x < 0.6) return { kind: 'all' };
  if (x < 0.8) return { kind: 'children' };
  if (x < 0.88) return { kind: 'parents' };
  return x < 0.94 ? { kind: 'age_range', minAge: 3, maxAge: 12 } : { kind: 'age_range', minAge: 13 };
}

function pickLimits(random: () => number): object {
  const x = random();
  if (x < 0.5) return {};
  if (x < 0.7) return { perCardPerDay: 1 };
  if (x < 0.8) return { perCardPerDay: 1, perCardPerWeek: 3 };
  if (x < 0.9) return { perCardPerMonth: 4 };
  return { perFamilyTotal: 10 };
}

// ---------------------------------------------------------------------------------------------------------------
// Inserting: multi-row INSERTs in one transaction per table.

const sqliteTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

export function insertSqlite(db: Database.Database, table: Table, rows: Value[][]): void {
  const chunk = Math.floor(30_000 / table.columns.length);
  const statements = new Map<number, Database.Statement>();
  const statement = (n: number) => {
    if (!statements.has(n)) {
      const tuple = `(${table.columns.map(() => '?').join(', ')})`;
      statements.set(
        n,
        db.prepare(
          `INSERT INTO "${table.name}" (${table.columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array(n).fill(tuple).join(', ')}`,
        ),
      );
    }
    return statements.get(n)!;
  };
  const literal = (v: Value) =>
    v instanceof Date
      ? sqliteTime(v)
      : typeof v === 'boolean'
        ? Number(v)
        : v !== null && typeof v === 'object'
          ? JSON.stringify(v)
          : v;
  db.transaction(() => {
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      statement(part.length).run(part.flatMap((row) => row.map(literal)));
    }
  })();
}

export async function insertPostgres(dataSource: DataSource, table: Table, rows: Value[][]): Promise<void> {
  const chunk = Math.floor(30_000 / table.columns.length);
  const literal = (v: Value) =>
    v instanceof Date ? v.toISOString() : v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
  await dataSource.transaction(async (em) => {
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      let n = 0;
      const tuples = part.map(
        () =>
          `(${table.columns.map((c) => (table.json.includes(c) ? `CAST($${++n} AS jsonb)` : `$${++n}`)).join(', ')})`,
      );
      await em.query(
        `INSERT INTO "${table.name}" (${table.columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
        part.flatMap((row) => row.map(literal)),
      );
    }
  });
}

export interface SeededCatalogue {
  data: Dataset & { summary: Record<string, number> };
  generateSeconds: number;
  /** Writing the rows, statistics and the search rows. */
  seedSeconds: number;
  /** Of which: the catalogue's search rows. */
  indexSeconds: number;
}

/**
 * Generates the catalogue for the programme and writes it into a migrated database through the app's own
 * connection. Call after the environment is set (the engine is read when entities are decorated).
 */
export async function seedCatalogue(
  dataSource: DataSource,
  engine: 'sqlite' | 'postgres',
  counts: CatalogueCounts,
): Promise<SeededCatalogue> {
  const { foldForSearch } = await import('../../src/common/text');
  const { windowColumns } = await import('../../src/offers/offer-input');
  const { rebuildCatalogue } = await import('../../src/catalogue/catalogue-index');
  const [programme] = await dataSource.query(
    'SELECT id, time_zone AS "timeZone" FROM programmes ORDER BY created_at LIMIT 1',
  );
  const categories: { id: string; slug: string }[] = await dataSource.query(
    engine === 'postgres'
      ? 'SELECT id, slug FROM categories WHERE programme_id = $1'
      : 'SELECT id, slug FROM categories WHERE programme_id = ?',
    [programme.id],
  );
  const windowCache = new Map<string, ReturnType<Context['windows']>>();
  const ctx: Context = {
    programmeId: programme.id,
    timeZone: programme.timeZone,
    categories: new Map(categories.map((c) => [c.slug, c.id])),
    fold: foldForSearch,
    // The service's own window computation, memoised per distinct schedule: many offers share one.
    windows: (schedule, now, timeZone) => {
      const key = JSON.stringify(schedule);
      if (!windowCache.has(key)) windowCache.set(key, windowColumns(schedule as never, now, timeZone));
      return windowCache.get(key)!;
    },
  };
  for (const [slug] of CATEGORY_MIX)
    if (!ctx.categories.has(slug)) throw new Error(`the programme has no category ${slug}`);

  let started = performance.now();
  const data = generate(ctx, new Date(), counts);
  const generateSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const order = ['partners', 'outlets', 'offers', 'offerOutlets'] as const;
  if (engine === 'sqlite') {
    const db = (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
    for (const key of order) insertSqlite(db, TABLES[key], data[key]);
  } else {
    for (const key of order) await insertPostgres(dataSource, TABLES[key], data[key]);
  }
  // VACUUM sets PostgreSQL's visibility map as autovacuum would have by then (index-only scans); ANALYZE gives
  // both engines the statistics, before the rebuild's joins are planned and again for the search rows.
  const analyze = (tables: string) =>
    dataSource.query(engine === 'sqlite' ? 'ANALYZE' : `VACUUM (ANALYZE) ${tables}`);
  await analyze('partners, outlets, offers, offer_outlets');
  // The rows went in beside the services, so the catalogue's search rows are built here, as a migration would.
  const indexStarted = performance.now();
  await dataSource.transaction((em) => rebuildCatalogue(em));
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  await analyze('catalogue_offers, catalogue_places');
  return { data, generateSeconds, seedSeconds: (performance.now() - started) / 1000, indexSeconds };
}
