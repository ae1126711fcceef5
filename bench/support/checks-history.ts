/**
 * A history of checks at the till and the redemptions that followed, made up for benchmarks and written
 * straight into `validations` and `redemptions` (bench/seed.ts): `checksPerDay` checks a day on average
 * (more on Fridays and Saturdays, fewer on Sundays) over the last `days` days, between 08:00 and 21:00 UTC,
 * at the outlets of approved partners (the popular ones far more often), of cards drawn from a sample of the
 * register. A check's result follows the card's status (active → valid, suspended → suspended…), plus a few
 * unknown, forged and malformed codes with no card. A share of the valid checks is followed by a redemption
 * of a published offer of that outlet, a few of them cancelled later. Rows are time-ordered like the app's.
 *
 * Usage limits are not enforced here: with checks spread over hundreds of thousands of cards, the same card
 * using the same offer twice on one day is rare, and nothing reads the history to refuse a seeded check.
 */
import type { Value } from './card-register';
import { idSource, prng } from './card-register';

export const VALIDATION_COLUMNS = [
  'id',
  'programme_id',
  'partner_id',
  'outlet_id',
  'card_id',
  'result',
  'method',
  'actor_type',
  'actor_id',
  'created_at',
];

export const REDEMPTION_COLUMNS = [
  'id',
  'programme_id',
  'partner_id',
  'outlet_id',
  'offer_id',
  'card_id',
  'family_id',
  'validation_id',
  'idempotency_key',
  'status',
  'actor_type',
  'actor_id',
  'created_at',
  'cancelled_at',
];

/** Cards the checks are drawn from (parallel arrays: a few hundred thousand entries). */
export interface CardSample {
  ids: string[];
  families: string[];
  statuses: string[];
}

export interface Till {
  outletId: string;
  partnerId: string;
  /** Published offers of the partner at this outlet. */
  offers: string[];
}

export interface HistoryOptions {
  engine: 'sqlite' | 'postgres';
  programmeId: string;
  checksPerDay: number;
  days: number;
  /** Share of valid checks followed by a redemption (when the outlet has an offer). */
  redemptionShare: number;
  tills: Till[];
  cards: CardSample;
  now: Date;
}

export interface HistoryChunk {
  validations: Value[][];
  redemptions: Value[][];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Sunday to Saturday; the mean is 1. */
const WEEKDAY = [0.8, 0.9, 0.9, 0.95, 1, 1.2, 1.25];
/** Codes that find no card, with their share of checks (per mille). */
const NO_CARD: [result: string, perMille: number][] = [
  ['unknown_card', 6],
  ['invalid_signature', 2],
  ['malformed', 2],
];
const RESULT_OF_STATUS: Record<string, string> = {
  active: 'valid',
  suspended: 'suspended',
  revoked: 'revoked',
  replaced: 'replaced',
  expired: 'expired',
};

/** The history, a day at a time (each day's checks in time order), in chunks of about `chunkChecks`. */
export function* checkHistory(options: HistoryOptions, chunkChecks = 50_000): Generator<HistoryChunk> {
  if (!options.tills.length) throw new Error('no outlets of approved partners to check cards at');
  if (!options.cards.ids.length) throw new Error('no cards to check');
  const random = prng(20_261_207);
  const nextId = idSource();
  // Millions of rows: each day's date is formatted once, the time of day by hand (UTC).
  const [sep, zone] = options.engine === 'sqlite' ? [' ', ''] : ['T', 'Z'];
  const days = new Map<number, string>();
  const pad = (x: number, width = 2) => String(x).padStart(width, '0');
  const timestamp = (ms: number) => {
    const day = Math.floor(ms / DAY);
    let date = days.get(day);
    if (date === undefined) days.set(day, (date = new Date(day * DAY).toISOString().slice(0, 10)));
    const t = Math.floor(ms) - day * DAY;
    return (
      `${date}${sep}${pad(Math.floor(t / HOUR))}:${pad(Math.floor(t / 60_000) % 60)}:` +
      `${pad(Math.floor(t / 1000) % 60)}.${pad(t % 1000, 3)}${zone}`
    );
  };
  // Each partner checks with one till key or its staff's accounts: made-up actor ids, stable per partner.
  const actors = new Map<string, [string, string]>();
  const actorOf = (partnerId: string): [string, string] => {
    let actor = actors.get(partnerId);
    if (!actor) actors.set(partnerId, (actor = [random() < 0.6 ? 'api_key' : 'user', nextId()]));
    return actor;
  };
  const { tills, cards } = options;
  const todayStart = Math.floor(options.now.getTime() / DAY) * DAY;
  let redemptions = 0;
  let chunk: HistoryChunk = { validations: [], redemptions: [] };
  for (let d = options.days - 1; d >= 0; d--) {
    const dayStart = todayStart - d * DAY;
    const n = Math.round(options.checksPerDay * WEEKDAY[new Date(dayStart).getUTCDay()]);
    for (let i = 0; i < n; i++) {
      // Evenly over 08:00–21:00, in order; today's only up to now.
      const at = dayStart + 8 * HOUR + ((i + random()) / n) * 13 * HOUR;
      if (at > options.now.getTime()) break;
      // Popular outlets first: the square skews the draw towards the start of the list.
      const till = tills[Math.floor(random() ** 2 * tills.length)];
      const [actorType, actorId] = actorOf(till.partnerId);
      let result: string | null = null;
      let x = random() * 1000;
      for (const [r, perMille] of NO_CARD)
        if ((x -= perMille) < 0) {
          result = r;
          break;
        }
      const k = Math.floor(random() * cards.ids.length);
      const cardId = result ? null : cards.ids[k];
      result ??= RESULT_OF_STATUS[cards.statuses[k]] ?? 'valid';
      const validationId = nextId();
      chunk.validations.push([
        validationId,
        options.programmeId,
        till.partnerId,
        till.outletId,
        cardId,
        result,
        random() < 0.85 ? 'qr' : 'number',
        actorType,
        actorId,
        timestamp(at),
      ]);
      if (result === 'valid' && till.offers.length && random() < options.redemptionShare) {
        const cancelled = random() < 0.02;
        const usedAt = at + 20_000 + random() * 100_000;
        chunk.redemptions.push([
          nextId(),
          options.programmeId,
          till.partnerId,
          till.outletId,
          till.offers[Math.floor(random() * till.offers.length)],
          cardId,
          cards.families[k],
          validationId,
          `seed-${++redemptions}`,
          cancelled ? 'cancelled' : 'recorded',
          actorType,
          actorId,
          timestamp(usedAt),
          cancelled ? timestamp(usedAt + 300_000) : null,
        ]);
      }
      if (chunk.validations.length >= chunkChecks) {
        yield chunk;
        chunk = { validations: [], redemptions: [] };
      }
    }
  }
  if (chunk.validations.length) yield chunk;
}
