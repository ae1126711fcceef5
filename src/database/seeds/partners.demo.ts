import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { ProblemException } from '../../common/problem/problem.exception';
import type { OfferAudience, OfferBenefit } from '../../offers/offer-benefit';
import type { OfferLimits } from '../../offers/offer-limits';
import type { OfferSchedule, OfferStatus } from '../../offers/offer-schedule';
import { OfferEntity, OfferText } from '../../offers/offer.entity';
import { OffersService } from '../../offers/offers.service';
import type { OutletInputDto } from '../../partners/dto/outlet.dto';
import type { OpeningHours } from '../../partners/opening-hours';
import { OutletEntity } from '../../partners/outlet.entity';
import { PartnerAccountsService } from '../../partners/partner-accounts.service';
import { PartnerEntity } from '../../partners/partner.entity';
import { OutletsService } from '../../partners/outlets.service';
import { PartnersService } from '../../partners/partners.service';
import { addDays, startOfDayIn, todayIn } from '../../programmes/eligibility/civil-date';
import type { IsoDate } from '../../programmes/eligibility/eligibility.types';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import { ProgrammesService } from '../../programmes/programmes.service';
import { UserEntity } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import type { DemoSeedContext, DemoSeedStep } from './demo.seeder';

// Literal strings rather than demoEmail(): demo.seeder.ts imports this file, so its values are not ready here yet.
export const DEMO_MERCHANT_OWNER_EMAIL = 'merchant_owner@demo.family-card.local';
export const DEMO_MERCHANT_CASHIER_EMAIL = 'merchant_cashier@demo.family-card.local';
export const DEMO_TILL_KEY_NAME = 'Demo till – Kino Zamek';

type Texts<T> = { pl: T; en: T };
type TargetStatus = Extract<OfferStatus, 'draft' | 'pending_approval' | 'published' | 'paused'>;

interface DemoOffer {
  ref: string;
  /** Refs of the partner's outlets where it holds. */
  outlets: string[];
  texts: Texts<OfferText>;
  benefit: OfferBenefit;
  schedule: OfferSchedule;
  audience?: OfferAudience;
  minFamilySize?: number;
  limits?: OfferLimits;
  status: TargetStatus;
  /** Shown to the partner on a paused offer. */
  reason?: string;
}

export interface DemoPartner {
  /** A fixed, valid NIP: how a later run finds the partner again. */
  taxNumber: string;
  name: string;
  category: string;
  description: Texts<string>;
  website: string;
  contactName: string;
  contactPhone: string;
  owner: { email: string; displayName: string };
  status: 'approved' | 'pending' | 'suspended';
  /** Why a suspended partner was suspended. */
  reason?: string;
  outlets: Array<OutletInputDto & { ref: string }>;
  offers: DemoOffer[];
}

const daily = (opens: string, closes: string): OpeningHours =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [[opens, closes]]]));

const LUBLIN = { city: 'Lublin' };

/**
 * `ISO 8601` instant of a wall-clock time on a calendar day in a time zone, written with that zone's offset
 * (`2026-06-12T19:00:00+02:00`), as a partner would type an event's start.
 */
export function localInstant(day: IsoDate, time: string, timeZone: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const approx = new Date(startOfDayIn(day, timeZone).getTime() + (hours * 60 + minutes) * 60_000);
  const zone = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(approx)
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT+02:00"; some ICU versions write UTC as "GMT"
  return `${day}T${time}:00${zone === 'GMT' ? '+00:00' : zone.slice(3)}`;
}

/**
 * The demo partners in and around Lublin (real streets, approximate coordinates), with offers of every schedule,
 * benefit and audience. Dates are relative to `today` in the programme's time zone, so a new demo always has a
 * running temporary offer and an evening concert coming up.
 */
export function demoPartners(today: IsoDate, timeZone: string): DemoPartner[] {
  const concertDay = addDays(today, 12);
  return [
    {
      taxNumber: '7120010016',
      name: 'Kino Zamek',
      category: 'culture',
      description: {
        pl: 'Kino studyjne w sercu Lublina: premiery, klasyka i poranki dla dzieci.',
        en: 'An art-house cinema in the heart of Lublin: premieres, classics and children’s mornings.',
      },
      website: 'https://kino-zamek.example',
      contactName: 'Ewa Nowak',
      contactPhone: '+48 81 532 10 10',
      owner: { email: DEMO_MERCHANT_OWNER_EMAIL, displayName: 'Ewa Nowak' },
      status: 'approved',
      outlets: [
        {
          ref: 'krakowskie-przedmiescie',
          kind: 'place',
          name: 'Kino Zamek – Krakowskie Przedmieście',
          street: 'ul. Krakowskie Przedmieście 60',
          postalCode: '20-002',
          ...LUBLIN,
          latitude: 51.2486,
          longitude: 22.5573,
          openingHours: { ...daily('10:00', '23:00'), fri: [['10:00', '00:00']], sat: [['10:00', '00:00']] },
        },
        {
          ref: 'czechow',
          kind: 'place',
          name: 'Kino Zamek – Czechów',
          street: 'al. Kompozytorów Polskich 8',
          postalCode: '20-848',
          ...LUBLIN,
          latitude: 51.266,
          longitude: 22.547,
          openingHours: daily('12:00', '22:00'),
        },
      ],
      offers: [
        {
          ref: 'bilet-rodzinny',
          outlets: ['krakowskie-przedmiescie', 'czechow'],
          texts: {
            pl: {
              title: 'Bilet rodzinny −20%',
              description: 'Zniżka na wszystkie seanse dla każdego członka rodziny.',
              terms: 'Jedna zniżka na kartę dziennie. Pokaż kartę w kasie.',
            },
            en: {
              title: 'Family ticket −20%',
              description: 'A discount on every screening for each member of the family.',
              terms: 'One discount per card a day. Show the card at the box office.',
            },
          },
          benefit: { type: 'percent', percent: 20 },
          schedule: { kind: 'permanent' },
          audience: { kind: 'all' },
          limits: { perCardPerDay: 1 },
          status: 'published',
        },
        {
          ref: 'poranki-dla-dzieci',
          outlets: ['krakowskie-przedmiescie', 'czechow'],
          texts: {
            pl: {
              title: 'Poranki filmowe: 5 zł taniej',
              description: 'Bajki i filmy familijne w weekendowe poranki.',
            },
            en: {
              title: 'Film mornings: PLN 5 off',
              description: 'Cartoons and family films on weekend mornings.',
            },
          },
          benefit: { type: 'amount_off', amount: 500 },
          schedule: { kind: 'temporary', startsOn: addDays(today, -7), endsOn: addDays(today, 30) },
          audience: { kind: 'children' },
          status: 'published',
        },
        {
          ref: 'maraton-filmowy',
          outlets: ['krakowskie-przedmiescie'],
          texts: {
            pl: { title: 'Nocny maraton filmowy za 29 zł', description: 'Trzy filmy, jedna noc.' },
            en: { title: 'Film marathon night for PLN 29', description: 'Three films, one night.' },
          },
          benefit: { type: 'special_price', price: 2900 },
          schedule: { kind: 'permanent' },
          audience: { kind: 'parents' },
          status: 'draft',
        },
      ],
    },
    {
      taxNumber: '7120010128',
      name: 'Muzeum Zamkowe',
      category: 'culture',
      description: {
        pl: 'Wystawy i warsztaty w murach Zamku Lubelskiego.',
        en: 'Exhibitions and workshops within the walls of Lublin Castle.',
      },
      website: 'https://muzeum-zamkowe.example',
      contactName: 'Piotr Lewandowski',
      contactPhone: '+48 81 532 20 20',
      owner: { email: 'owner.muzeum@demo.family-card.local', displayName: 'Piotr Lewandowski' },
      status: 'approved',
      outlets: [
        {
          ref: 'zamek',
          kind: 'place',
          name: 'Muzeum Zamkowe – Zamek Lubelski',
          street: 'ul. Zamkowa 9',
          postalCode: '20-117',
          ...LUBLIN,
          latitude: 51.2502,
          longitude: 22.5722,
          openingHours: {
            tue: [['10:00', '18:00']],
            wed: [['10:00', '18:00']],
            thu: [['10:00', '18:00']],
            fri: [['10:00', '18:00']],
            sat: [['10:00', '18:00']],
            sun: [['10:00', '18:00']],
          },
        },
      ],
      offers: [
        {
          ref: 'warsztaty-6-12',
          outlets: ['zamek'],
          texts: {
            pl: {
              title: 'Warsztaty muzealne dla dzieci 6–12 lat −50%',
              description: 'Sobotnie warsztaty: średniowieczne pismo, herby i freski kaplicy.',
            },
            en: {
              title: 'Museum workshops for children aged 6–12: −50%',
              description: 'Saturday workshops: medieval writing, coats of arms and the chapel’s frescoes.',
            },
          },
          benefit: { type: 'percent', percent: 50 },
          schedule: { kind: 'permanent' },
          audience: { kind: 'age_range', minAge: 6, maxAge: 12 },
          status: 'published',
        },
        {
          ref: 'noc-koncertowa',
          outlets: ['zamek'],
          texts: {
            pl: {
              title: 'Wieczór koncertowy na dziedzińcu zamku – wstęp wolny',
              description: 'Muzyka dawna i jazz pod gołym niebem.',
              terms: 'Wstęp wolny dla posiadaczy karty; liczba miejsc ograniczona.',
            },
            en: {
              title: 'Concert night in the castle courtyard – free entry',
              description: 'Early music and jazz in the open air.',
              terms: 'Free entry for cardholders; seats are limited.',
            },
          },
          benefit: { type: 'free_entry' },
          schedule: {
            kind: 'occasional',
            startsAt: localInstant(concertDay, '19:00', timeZone),
            endsAt: localInstant(concertDay, '23:00', timeZone),
          },
          audience: { kind: 'all' },
          status: 'published',
        },
      ],
    },
    {
      taxNumber: '7120010341',
      name: 'Pływalnia Felin',
      category: 'sport-recreation',
      description: {
        pl: 'Kryta pływalnia z brodzikiem dla maluchów i zjeżdżalnią.',
        en: 'An indoor pool with a paddling pool for toddlers and a water slide.',
      },
      website: 'https://plywalnia-felin.example',
      contactName: 'Agnieszka Wójtowicz',
      contactPhone: '+48 81 532 30 30',
      owner: { email: 'owner.plywalnia@demo.family-card.local', displayName: 'Agnieszka Wójtowicz' },
      status: 'approved',
      outlets: [
        {
          ref: 'felin',
          kind: 'place',
          name: 'Pływalnia Felin',
          street: 'ul. Doświadczalna 50',
          postalCode: '20-280',
          ...LUBLIN,
          latitude: 51.2236,
          longitude: 22.6235,
          openingHours: {
            ...daily('06:00', '22:00'),
            sat: [['08:00', '22:00']],
            sun: [['08:00', '20:00']],
          },
        },
      ],
      offers: [
        {
          ref: 'karnet-rodzinny',
          outlets: ['felin'],
          texts: {
            pl: {
              title: 'Karnet rodzinny −25% dla rodzin 4+',
              description: 'Dziesięć wejść dla całej rodziny.',
              terms: 'Dla rodzin liczących co najmniej 4 osoby; najwyżej 10 wejść na rodzinę.',
            },
            en: {
              title: 'Family pass −25% for families of 4+',
              description: 'Ten entries for the whole family.',
              terms: 'For families of at least 4; at most 10 entries per family.',
            },
          },
          benefit: { type: 'percent', percent: 25 },
          schedule: { kind: 'permanent' },
          audience: { kind: 'all' },
          minFamilySize: 4,
          limits: { perFamilyTotal: 10 },
          status: 'published',
        },
        {
          ref: 'zimowy-bilet',
          outlets: ['felin'],
          texts: {
            pl: {
              title: 'Zimowy bilet za 9 zł',
              description: 'Od 15 grudnia do 6 stycznia: godzina na basenie za 9 zł.',
            },
            en: {
              title: 'Winter ticket for PLN 9',
              description: 'From 15 December to 6 January: an hour in the pool for PLN 9.',
            },
          },
          benefit: { type: 'special_price', price: 900 },
          schedule: { kind: 'seasonal', fromMonthDay: '12-15', toMonthDay: '01-06' },
          audience: { kind: 'all' },
          status: 'published',
        },
        {
          ref: 'aqua-aerobik',
          outlets: ['felin'],
          texts: {
            pl: { title: 'Aqua aerobik dla rodziców −15%' },
            en: { title: 'Aqua aerobics for parents −15%' },
          },
          benefit: { type: 'percent', percent: 15 },
          schedule: { kind: 'permanent' },
          audience: { kind: 'parents' },
          status: 'paused',
          reason: 'Zajęcia zawieszone na czas remontu niecki.',
        },
      ],
    },
    {
      taxNumber: '7120010453',
      name: 'Kawiarnia Pod Basztą',
      category: 'food',
      description: {
        pl: 'Kawa, domowe ciasta i lody na Starym Mieście.',
        en: 'Coffee, home-made cakes and ice cream in the Old Town.',
      },
      website: 'https://pod-baszta.example',
      contactName: 'Małgorzata Kozłowska',
      contactPhone: '+48 81 532 40 40',
      owner: { email: 'owner.kawiarnia@demo.family-card.local', displayName: 'Małgorzata Kozłowska' },
      status: 'approved',
      outlets: [
        {
          ref: 'rynek',
          kind: 'place',
          name: 'Kawiarnia Pod Basztą – Rynek',
          street: 'Rynek 8',
          postalCode: '20-111',
          ...LUBLIN,
          latitude: 51.2477,
          longitude: 22.5681,
          openingHours: daily('09:00', '21:00'),
        },
        {
          ref: 'plac-litewski',
          kind: 'place',
          name: 'Kawiarnia Pod Basztą – Plac Litewski',
          street: 'Plac Litewski 2',
          postalCode: '20-080',
          ...LUBLIN,
          latitude: 51.2483,
          longitude: 22.5594,
          openingHours: daily('08:00', '20:00'),
        },
      ],
      offers: [
        {
          ref: 'lody-gratis',
          outlets: ['rynek', 'plac-litewski'],
          texts: {
            pl: {
              title: 'Gałka lodów gratis do deseru dziecka',
              description: 'Do każdego deseru zamówionego dla dziecka dokładamy gałkę lodów.',
              terms: 'Raz dziennie na kartę dziecka.',
            },
            en: {
              title: 'A free scoop of ice cream with a child’s dessert',
              description: 'We add a scoop of ice cream to every dessert ordered for a child.',
              terms: 'Once a day per child’s card.',
            },
          },
          benefit: { type: 'free_text' },
          schedule: { kind: 'permanent' },
          audience: { kind: 'children' },
          limits: { perCardPerDay: 1 },
          status: 'published',
        },
        {
          ref: 'kawa-dla-rodzica',
          outlets: ['rynek', 'plac-litewski'],
          texts: {
            pl: { title: 'Kawa dla rodzica −10%' },
            en: { title: 'Coffee for parents −10%' },
          },
          benefit: { type: 'percent', percent: 10 },
          schedule: { kind: 'permanent' },
          audience: { kind: 'parents' },
          status: 'published',
        },
      ],
    },
    {
      taxNumber: '7120010565',
      name: 'Księgarnia Słowo',
      category: 'shopping',
      description: {
        pl: 'Książki dla dzieci i dorosłych, podręczniki i gry planszowe – w sklepie i online.',
        en: 'Books for children and adults, school books and board games – in the shop and online.',
      },
      website: 'https://ksiegarnia-slowo.example',
      contactName: 'Tomasz Wróbel',
      contactPhone: '+48 81 532 50 50',
      owner: { email: 'owner.ksiegarnia@demo.family-card.local', displayName: 'Tomasz Wróbel' },
      status: 'approved',
      outlets: [
        {
          ref: 'narutowicza',
          kind: 'place',
          name: 'Księgarnia Słowo',
          street: 'ul. Narutowicza 9',
          postalCode: '20-004',
          ...LUBLIN,
          latitude: 51.2457,
          longitude: 22.5588,
          openingHours: {
            ...daily('10:00', '19:00'),
            sat: [['10:00', '15:00']],
            sun: [],
          },
        },
        {
          ref: 'online',
          kind: 'online',
          name: 'Księgarnia Słowo – sklep internetowy',
          url: 'https://ksiegarnia-slowo.example/sklep',
          discountCode: 'KARTA-RODZINY',
        },
      ],
      offers: [
        {
          ref: 'ksiazki-online',
          outlets: ['online'],
          texts: {
            pl: {
              title: '−10% na książki w sklepie internetowym',
              terms: 'Podaj kod KARTA-RODZINY przy zamówieniu.',
            },
            en: {
              title: '10% off books in the online shop',
              terms: 'Enter the code KARTA-RODZINY with your order.',
            },
          },
          benefit: { type: 'percent', percent: 10 },
          schedule: { kind: 'permanent' },
          audience: { kind: 'all' },
          status: 'published',
        },
        {
          ref: 'ksiazki-dla-dzieci',
          outlets: ['narutowicza'],
          texts: {
            pl: { title: 'Książki dla dzieci −15%' },
            en: { title: 'Children’s books −15%' },
          },
          benefit: { type: 'percent', percent: 15 },
          schedule: { kind: 'permanent' },
          audience: { kind: 'all' },
          status: 'published',
        },
        {
          ref: 'wyprawka-szkolna',
          outlets: ['narutowicza', 'online'],
          texts: {
            pl: {
              title: 'Wyprawka szkolna 20 zł taniej',
              description: 'Przy zakupach za co najmniej 100 zł.',
            },
            en: { title: 'School kit: PLN 20 off', description: 'With a purchase of at least PLN 100.' },
          },
          benefit: { type: 'amount_off', amount: 2000 },
          schedule: { kind: 'temporary', startsOn: today, endsOn: addDays(today, 60) },
          audience: { kind: 'children' },
          status: 'pending_approval',
        },
      ],
    },
    {
      taxNumber: '7120010677',
      name: 'Szkoła Językowa Lingua',
      category: 'education',
      description: {
        pl: 'Angielski, niemiecki i hiszpański dla dzieci i dorosłych w Świdniku.',
        en: 'English, German and Spanish for children and adults in Świdnik.',
      },
      website: 'https://lingua-swidnik.example',
      contactName: 'Joanna Mazur',
      contactPhone: '+48 81 532 60 60',
      owner: { email: 'owner.szkola@demo.family-card.local', displayName: 'Joanna Mazur' },
      status: 'approved',
      outlets: [
        {
          ref: 'swidnik',
          kind: 'place',
          name: 'Szkoła Językowa Lingua – Świdnik',
          street: 'ul. Niepodległości 11',
          postalCode: '21-040',
          city: 'Świdnik',
          latitude: 51.225,
          longitude: 22.696,
          openingHours: {
            mon: [['14:00', '20:00']],
            tue: [['14:00', '20:00']],
            wed: [['14:00', '20:00']],
            thu: [['14:00', '20:00']],
            fri: [['14:00', '20:00']],
            sat: [['09:00', '13:00']],
          },
        },
      ],
      offers: [
        {
          ref: 'angielski-6-12',
          outlets: ['swidnik'],
          texts: {
            pl: {
              title: 'Angielski dla dzieci 6–12 lat −15%',
              description: 'Kursy semestralne w małych grupach.',
            },
            en: {
              title: 'English for children aged 6–12: −15%',
              description: 'Term courses in small groups.',
            },
          },
          benefit: { type: 'percent', percent: 15 },
          schedule: { kind: 'permanent' },
          audience: { kind: 'age_range', minAge: 6, maxAge: 12 },
          status: 'published',
        },
      ],
    },
    {
      taxNumber: '7120010789',
      name: 'Park Trampolin Skok',
      category: 'sport-recreation',
      description: {
        pl: 'Trampoliny, basen z gąbkami i ścianka wspinaczkowa.',
        en: 'Trampolines, a foam pit and a climbing wall.',
      },
      website: 'https://park-skok.example',
      contactName: 'Kamil Zając',
      contactPhone: '+48 81 532 70 70',
      owner: { email: 'owner.trampoliny@demo.family-card.local', displayName: 'Kamil Zając' },
      status: 'pending',
      outlets: [
        {
          ref: 'czechow',
          kind: 'place',
          name: 'Park Trampolin Skok – Czechów',
          street: 'ul. Północna 28',
          postalCode: '20-064',
          ...LUBLIN,
          latitude: 51.2712,
          longitude: 22.5585,
          openingHours: daily('10:00', '21:00'),
        },
      ],
      offers: [
        {
          ref: 'wejscie-rodzinne',
          outlets: ['czechow'],
          texts: {
            pl: { title: 'Wejście rodzinne −20%' },
            en: { title: 'Family entry −20%' },
          },
          benefit: { type: 'percent', percent: 20 },
          schedule: { kind: 'permanent' },
          status: 'pending_approval',
        },
      ],
    },
    {
      taxNumber: '7120010890',
      name: 'Sala Zabaw Hopsasa',
      category: 'sport-recreation',
      description: {
        pl: 'Sala zabaw dla dzieci do 10 lat z kawiarnią dla rodziców.',
        en: 'A play centre for children up to 10 with a café for parents.',
      },
      website: 'https://hopsasa.example',
      contactName: 'Beata Krawczyk',
      contactPhone: '+48 81 532 80 80',
      owner: { email: 'owner.salazabaw@demo.family-card.local', displayName: 'Beata Krawczyk' },
      status: 'suspended',
      reason: 'Rodziny zgłaszają, że karta nie jest honorowana; wyjaśniamy sprawę z partnerem.',
      outlets: [
        {
          ref: 'lipowa',
          kind: 'place',
          name: 'Sala Zabaw Hopsasa',
          street: 'ul. Lipowa 13',
          postalCode: '20-020',
          ...LUBLIN,
          latitude: 51.2452,
          longitude: 22.5556,
          openingHours: daily('10:00', '20:00'),
        },
      ],
      offers: [
        {
          ref: 'wstep-dziecka',
          outlets: ['lipowa'],
          texts: {
            pl: { title: 'Wstęp dziecka −30%' },
            en: { title: 'Child’s entry −30%' },
          },
          benefit: { type: 'percent', percent: 30 },
          schedule: { kind: 'permanent' },
          audience: { kind: 'children' },
          status: 'published',
        },
      ],
    },
  ];
}

/** Texts in the languages the programme speaks; its first language falls back to the Polish text. */
function localized<T>(programme: ProgrammeEntity, texts: Texts<T>): Record<string, T> {
  const [first, ...others] = programme.languages;
  const byLanguage = texts as Record<string, T>;
  const out: Record<string, T> = { [first]: byLanguage[first] ?? texts.pl };
  for (const language of others) if (byLanguage[language]) out[language] = byLanguage[language];
  return out;
}

/**
 * Partners with outlets and offers, through the real services (partner registration with its owner's account,
 * a partner manager's decisions, offer moderation), so every rule applies and every step is audited as `demo`.
 * The cinema also gets a cashier account and a till key. A later run finds partners by tax number and outlets
 * and offers by ref, and adds only what is missing; statuses are set only on what this run created, so a
 * decision taken while trying the demo (a partner approved, an offer paused) stays.
 */
export const demoPartnersStep: DemoSeedStep = {
  name: 'partners, outlets and offers',
  async run(ctx) {
    const { app, actor, report } = ctx;
    const programme = await app.get(ProgrammesService).default();
    const manager: Actor = { ...actor, role: 'partner_manager' };
    const today = todayIn(programme.timeZone, new Date());
    let cinema: PartnerEntity | undefined;
    for (const spec of demoPartners(today, programme.timeZone)) {
      const { partner, created } = await ensurePartner(ctx, manager, programme, spec);
      if (spec.owner.email === DEMO_MERCHANT_OWNER_EMAIL) {
        cinema = partner;
        report.accounts.push({ email: spec.owner.email, role: 'merchant_owner', created });
      }
    }
    await cashier(ctx, manager, cinema!);
    await tillKey(ctx, manager, cinema!);
  },
};

async function ensurePartner(
  { app, password }: DemoSeedContext,
  manager: Actor,
  programme: ProgrammeEntity,
  spec: DemoPartner,
): Promise<{ partner: PartnerEntity; created: boolean }> {
  const em = app.get(DataSource).manager;
  const partners = app.get(PartnersService);
  let partner = await em.findOneBy(PartnerEntity, { programmeId: programme.id, taxNumber: spec.taxNumber });
  const created = !partner;
  if (!partner) {
    ({ partner } = await partners.register(manager, {
      name: spec.name,
      taxNumber: spec.taxNumber,
      category: spec.category,
      description: localized(programme, spec.description),
      website: spec.website,
      contactName: spec.contactName,
      contactEmail: spec.owner.email,
      contactPhone: spec.contactPhone,
      agreementVersion: programme.partnerAgreementVersion,
      acceptAgreement: true,
      owner: { ...spec.owner, password },
    }));
  }

  const outletIds = new Map<string, string>();
  const outlets = app.get(OutletsService);
  for (const { ref, ...input } of spec.outlets) {
    const found = await em.findOneBy(OutletEntity, { partnerId: partner.id, ref });
    outletIds.set(ref, (found ?? (await outlets.create(manager, partner.id, { ref, ...input }))).id);
  }

  // Approved before its offers are published; suspended after, so its published offers are hidden with it.
  if (created && spec.status !== 'pending') partner = await partners.act(manager, partner.id, 'approve');

  const offers = app.get(OffersService);
  for (const offer of spec.offers) {
    if (await em.existsBy(OfferEntity, { partnerId: partner.id, ref: offer.ref })) continue;
    const { offer: draft } = await offers.create(manager, partner.id, {
      ref: offer.ref,
      texts: localized(programme, offer.texts),
      benefit: offer.benefit,
      schedule: offer.schedule,
      audience: offer.audience,
      minFamilySize: offer.minFamilySize ?? null,
      limits: offer.limits,
      outletIds: offer.outlets.map((ref) => outletIds.get(ref)!),
    });
    if (offer.status === 'draft') continue;
    await offers.act(manager, partner.id, draft.id, 'submit');
    // Publishing needs an approved partner: an offer a later run adds to a partner that is not stays in the queue.
    if (offer.status === 'pending_approval' || partner.status !== 'approved') continue;
    await offers.act(manager, partner.id, draft.id, 'approve');
    if (offer.status === 'paused') await offers.act(manager, partner.id, draft.id, 'pause', offer.reason);
  }

  if (created && spec.status === 'suspended')
    partner = await partners.act(manager, partner.id, 'suspend', spec.reason);
  return { partner, created };
}

/** The cinema's cashier, with the demo password (an owner's invitation would generate a random one). */
async function cashier({ app, password, report }: DemoSeedContext, manager: Actor, cinema: PartnerEntity) {
  const email = DEMO_MERCHANT_CASHIER_EMAIL;
  let created = !(await app.get(DataSource).getRepository(UserEntity).existsBy({ email }));
  if (created)
    created = await app
      .get(UsersService)
      .createAccount(manager, {
        email,
        displayName: 'Marek Zieliński',
        role: 'merchant_cashier',
        password,
        partnerId: cinema.id,
      })
      .then(
        () => true,
        (error: unknown) => (ProblemException.is(error, 'email-taken') ? false : Promise.reject(error)),
      );
  report.accounts.push({ email, role: 'merchant_cashier', created });
}

/** A till key for the cinema's validations; like every key, shown only by the run that created it. */
async function tillKey({ app, report }: DemoSeedContext, manager: Actor, cinema: PartnerEntity) {
  const accounts = app.get(PartnerAccountsService);
  const found = (await accounts.keys(manager, cinema.id)).find(
    (k) => k.name === DEMO_TILL_KEY_NAME && !k.revokedAt,
  );
  if (found) {
    report.apiKeys.push({ name: found.name, prefix: found.prefix, scopes: found.scopes });
    return;
  }
  const { entity, key } = await accounts.createKey(manager, cinema.id, {
    name: DEMO_TILL_KEY_NAME,
    scopes: ['validations:write'],
  });
  report.apiKeys.push({ name: entity.name, prefix: entity.prefix, scopes: entity.scopes, key });
}
