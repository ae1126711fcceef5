import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { BigIdColumn, CreatedAtColumn, JsonColumn } from '../database/engine';
import { CardEntity } from './card.entity';

export const CARD_EVENTS = [
  'issued',
  'extended',
  'suspended',
  'resumed',
  'revoked',
  'replaced',
  'expired',
  'reminded',
  'printed',
] as const;
export type CardEventType = (typeof CARD_EVENTS)[number];

/** One step in a card's history, shown to staff. */
@Entity('card_events')
@Index('ix_card_events_card', ['cardId', 'id'])
@Index('ix_card_events_at', ['at'])
export class CardEventEntity {
  @BigIdColumn()
  id: string;

  @Column({ type: 'uuid' })
  cardId: string;

  @ManyToOne(() => CardEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'card_id' })
  card?: CardEntity;

  @Column({ type: 'varchar', length: 16 })
  type: CardEventType;

  @Column({ type: 'varchar', length: 16 })
  actorType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  actorLabel: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reason: string | null;

  /** Facts of the step (valid-until before and after, the replacement's number, the fee…); no personal data. */
  @JsonColumn({ nullable: true })
  details: Record<string, unknown> | null;

  @CreatedAtColumn()
  at: Date;
}

/** A history row to insert (details are JSON, which TypeORM's insert typing cannot follow). */
export const cardEventRow = (
  cardId: string,
  type: CardEventType,
  actor: { type: string; id: string | null; label: string | null },
  reason: string | null,
  details: Record<string, unknown> | null,
): QueryDeepPartialEntity<CardEventEntity> =>
  ({
    cardId,
    type,
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    reason,
    details,
  }) as QueryDeepPartialEntity<CardEventEntity>;
