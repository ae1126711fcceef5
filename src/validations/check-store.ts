import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CardStatus } from '../cards/card-status';
import { readDateTime, readJson, RawSql, sql } from '../database/raw-sql';
import type { OfferAudience, OfferBenefit } from '../offers/offer-benefit';
import type { OfferLimits } from '../offers/offer-limits';
import type { OfferText } from '../offers/offer.entity';
import type { PartnerStatus } from '../partners/partner-status';
import type { IsoDate, MemberRole } from '../programmes/eligibility/eligibility.types';
import type { Holder } from './offer-applicability';
import type { RedemptionEntity } from './redemption.entity';
import { periodStarts, UsageCounts } from './usage-periods';
import type { ValidationEntity } from './validation.entity';

/** The partner a till checks for, with what the check needs of its programme. */
export interface CheckingPartner {
  id: string;
  name: string;
  status: PartnerStatus;
  programme: CheckingProgramme;
}

export interface CheckingProgramme {
  id: string;
  code: string;
  timeZone: string;
  languages: string[];
  currency: string;
  redemptionCancelMinutes: number;
}

/** A card from the register, as a check reads it. */
export interface CheckedCard {
  id: string;
  familyId: string;
  memberId: string;
  role: MemberRole;
  number: string;
  holderName: string;
  status: CardStatus;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
}

/** A published offer as a check lists it and a redemption judges it. */
export interface ActiveOffer {
  id: string;
  texts: Record<string, OfferText>;
  benefit: OfferBenefit;
  audience: OfferAudience;
  minFamilySize: number | null;
  limits: OfferLimits;
}

/** An offer with the uses the checked card (and its family) have recorded of it. */
export type OfferForCard = ActiveOffer & { used: UsageCounts };

export type ValidCheck = Pick<ValidationEntity, 'id' | 'cardId' | 'outletId' | 'createdAt'>;

// With whether the outlet the till names ($2, or null) is one of the partner's: one round trip, not two.
const PARTNER = sql(
  'check_partner',
  `SELECT p.id, p.name, p.status, g.id AS programme_id, g.code, g.time_zone, g.languages, g.currency,
          g.redemption_cancel_minutes,
          (SELECT COUNT(*) FROM outlets o WHERE o.id = $2 AND o.partner_id = p.id) AS outlet_found
     FROM partners p JOIN programmes g ON g.id = p.programme_id
    WHERE p.id = $1`,
);
// Dates as text on both engines (PostgreSQL would give a Date at midnight in the server's zone).
const CARD_COLUMNS = `id, family_id, member_id, number, holder_name, role, status,
       CAST(valid_from AS TEXT) AS valid_from, CAST(valid_until AS TEXT) AS valid_until FROM cards`;
const CARD_BY_NUMBER = sql(
  'check_card_by_number',
  `SELECT ${CARD_COLUMNS} WHERE number = $1 AND programme_id = $2`,
);
const CARD_BY_ID = sql('check_card_by_id', `SELECT ${CARD_COLUMNS} WHERE id = $1`);
// This partner's offers in their window at $2 (at outlet $9 when the till names one), each with this family's
// recorded uses of it ($4: the family, $5: the card, $6–$8: the day, week and month starts), and on every row the
// holder's birth date and the family's size ($3: the member) for offers with an age range or a minimum family
// size: one round trip for all a check or a redemption needs to judge the offers. The two holder subqueries
// are uncorrelated, so each engine runs them once, and not at all when no offer holds.
const offersForCard = (name: string, atOutlet: string) =>
  sql(
    name,
    `SELECT o.id, o.texts, o.benefit, o.audience, o.min_family_size, o.limits,
            u.used_day, u.used_week, u.used_month, u.used_total, u.used_family,
            (SELECT CAST(m.birth_date AS TEXT) FROM members m WHERE m.id = $3) AS birth_date,
            (SELECT COUNT(*) FROM members m WHERE m.family_id = $4 AND m.status = 'active') AS family_size
       FROM offers o ${atOutlet}
       LEFT JOIN (
         SELECT r.offer_id,
                SUM(CASE WHEN r.card_id = $5 AND r.created_at >= $6 THEN 1 ELSE 0 END) AS used_day,
                SUM(CASE WHEN r.card_id = $5 AND r.created_at >= $7 THEN 1 ELSE 0 END) AS used_week,
                SUM(CASE WHEN r.card_id = $5 AND r.created_at >= $8 THEN 1 ELSE 0 END) AS used_month,
                SUM(CASE WHEN r.card_id = $5 THEN 1 ELSE 0 END) AS used_total,
                COUNT(*) AS used_family
           FROM redemptions r
          WHERE r.family_id = $4 AND r.status = 'recorded'
          GROUP BY r.offer_id
       ) u ON u.offer_id = o.id
      WHERE o.partner_id = $1 AND o.status = 'published' AND o.window_start <= $2
        AND (o.window_end IS NULL OR o.window_end > $2)
      ORDER BY o.published_at, o.id`,
  );
const OFFERS = offersForCard('check_offers', '');
const OFFERS_AT_OUTLET = offersForCard(
  'check_offers_at_outlet',
  'JOIN offer_outlets oo ON oo.offer_id = o.id AND oo.outlet_id = $9',
);
const INSERT_VALIDATION = sql(
  'check_insert_validation',
  `INSERT INTO validations (id, programme_id, partner_id, outlet_id, card_id, result, method, actor_type,
                            actor_id, created_at)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
);
const VALID_CHECK = sql(
  'check_valid_check',
  `SELECT id, card_id, outlet_id, created_at FROM validations
    WHERE id = $1 AND partner_id = $2 AND result = 'valid'`,
);
const LOCK_FAMILY = sql('check_lock_family', 'SELECT id FROM families WHERE id = $1 FOR UPDATE');
const REDEMPTION_COLUMNS = `id, programme_id, partner_id, outlet_id, offer_id, card_id, family_id,
       validation_id, idempotency_key, status, actor_type, actor_id, created_at, cancelled_at FROM redemptions`;
const REDEMPTION_BY_KEY = sql(
  'check_redemption_by_key',
  `SELECT ${REDEMPTION_COLUMNS} WHERE partner_id = $1 AND idempotency_key = $2`,
);
const INSERT_REDEMPTION = sql(
  'check_insert_redemption',
  `INSERT INTO redemptions (id, programme_id, partner_id, outlet_id, offer_id, card_id, family_id,
                            validation_id, idempotency_key, status, actor_type, actor_id, created_at,
                            cancelled_at)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
);

type Row = Record<string, unknown>;

/**
 * The register as a till's check and redemption read and write it: a handful of prepared statements instead of
 * the ORM, because this is the path that must answer hundreds of times a second at national scale. The rows
 * are the same the entities map; `em` is the transaction to run in, or null for a read outside one.
 */
@Injectable()
export class CheckStore {
  constructor(private readonly db: RawSql) {}

  /** The partner, and whether `outletId` (when given) is one of its outlets. */
  async partner(
    partnerId: string,
    outletId: string | null,
  ): Promise<{ partner: CheckingPartner; outletFound: boolean } | null> {
    const row = await this.db.row<Row>(null, PARTNER, [partnerId, outletId]);
    if (!row) return null;
    const partner: CheckingPartner = {
      id: row.id as string,
      name: row.name as string,
      status: row.status as PartnerStatus,
      programme: {
        id: row.programme_id as string,
        code: row.code as string,
        timeZone: row.time_zone as string,
        languages: readJson<string[]>(row.languages as string),
        currency: row.currency as string,
        redemptionCancelMinutes: Number(row.redemption_cancel_minutes),
      },
    };
    return { partner, outletFound: Number(row.outlet_found) > 0 };
  }

  async cardByNumber(programmeId: string, number: string): Promise<CheckedCard | null> {
    return mapCard(await this.db.row<Row>(null, CARD_BY_NUMBER, [number, programmeId]));
  }

  async cardById(em: EntityManager, id: string): Promise<CheckedCard | null> {
    return mapCard(await this.db.row<Row>(em, CARD_BY_ID, [id]));
  }

  /**
   * This partner's published offers in their window at `now` (at `outletId` when the till names one), each with
   * the uses the card and its family have recorded in the periods of the programme's `timeZone`, and the holder
   * as the offers' conditions ask.
   */
  async offersFor(
    em: EntityManager | null,
    { partnerId, outletId, card }: { partnerId: string; outletId: string | null; card: CheckedCard },
    now: Date,
    timeZone: string,
  ): Promise<{ offers: OfferForCard[]; holder: Holder }> {
    const starts = periodStarts(now, timeZone);
    const params = [
      partnerId,
      now,
      card.memberId,
      card.familyId,
      card.id,
      starts.day,
      starts.week,
      starts.month,
    ];
    const rows = outletId
      ? await this.db.rows<Row>(em, OFFERS_AT_OUTLET, [...params, outletId])
      : await this.db.rows<Row>(em, OFFERS, params);
    const count = (value: unknown) => Number(value ?? 0);
    const offers = rows.map((row) => ({
      id: row.id as string,
      texts: readJson(row.texts as ActiveOffer['texts']),
      benefit: readJson(row.benefit as OfferBenefit),
      audience: readJson(row.audience as OfferAudience),
      minFamilySize: row.min_family_size === null ? null : Number(row.min_family_size),
      limits: readJson(row.limits as OfferLimits),
      used: {
        day: count(row.used_day),
        week: count(row.used_week),
        month: count(row.used_month),
        total: count(row.used_total),
        family: count(row.used_family),
      },
    }));
    const first = rows[0];
    const holder: Holder = {
      role: card.role,
      birthDate: (first?.birth_date as IsoDate | undefined) ?? null,
      familySize: first ? Number(first.family_size) : null,
    };
    return { offers, holder };
  }

  async insertValidation(em: EntityManager | null, v: ValidationEntity): Promise<void> {
    await this.db.run(em, INSERT_VALIDATION, [
      v.id,
      v.programmeId,
      v.partnerId,
      v.outletId,
      v.cardId,
      v.result,
      v.method,
      v.actorType,
      v.actorId,
      v.createdAt,
    ]);
  }

  /** A valid check made by this partner, which a redemption may follow. */
  async validCheck(em: EntityManager, partnerId: string, id: string): Promise<ValidCheck | null> {
    const row = await this.db.row<Row>(em, VALID_CHECK, [id, partnerId]);
    return row
      ? {
          id: row.id as string,
          cardId: row.card_id as string | null,
          outletId: row.outlet_id as string | null,
          createdAt: readDateTime(row.created_at as string | Date),
        }
      : null;
  }

  /** PostgreSQL: holds the family's row until commit (SQLite's transactions already run one at a time). */
  async lockFamily(em: EntityManager, familyId: string): Promise<void> {
    if (em.connection.options.type === 'postgres') await this.db.rows(em, LOCK_FAMILY, [familyId]);
  }

  async redemptionByKey(
    em: EntityManager | null,
    partnerId: string,
    key: string,
  ): Promise<RedemptionEntity | null> {
    const row = await this.db.row<Row>(em, REDEMPTION_BY_KEY, [partnerId, key]);
    if (!row) return null;
    return {
      id: row.id as string,
      programmeId: row.programme_id as string,
      partnerId: row.partner_id as string,
      outletId: row.outlet_id as string | null,
      offerId: row.offer_id as string,
      cardId: row.card_id as string,
      familyId: row.family_id as string,
      validationId: row.validation_id as string,
      idempotencyKey: row.idempotency_key as string,
      status: row.status as RedemptionEntity['status'],
      actorType: row.actor_type as RedemptionEntity['actorType'],
      actorId: row.actor_id as string | null,
      createdAt: readDateTime(row.created_at as string | Date),
      cancelledAt: readDateTime(row.cancelled_at as string | Date | null),
    };
  }

  async insertRedemption(em: EntityManager, r: RedemptionEntity): Promise<void> {
    await this.db.run(em, INSERT_REDEMPTION, [
      r.id,
      r.programmeId,
      r.partnerId,
      r.outletId,
      r.offerId,
      r.cardId,
      r.familyId,
      r.validationId,
      r.idempotencyKey,
      r.status,
      r.actorType,
      r.actorId,
      r.createdAt,
      r.cancelledAt,
    ]);
  }
}

function mapCard(row: Row | null): CheckedCard | null {
  if (!row) return null;
  return {
    id: row.id as string,
    familyId: row.family_id as string,
    memberId: row.member_id as string,
    number: row.number as string,
    holderName: row.holder_name as string,
    role: row.role as MemberRole,
    status: row.status as CardStatus,
    validFrom: row.valid_from as IsoDate,
    validUntil: row.valid_until as IsoDate | null,
  };
}
