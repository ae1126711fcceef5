import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, MoreThan } from 'typeorm';
import { CardEventEntity } from '../cards/card-event.entity';
import { CardEntity } from '../cards/card.entity';
import { SigningKeysService } from '../cards/keys/signing-keys.service';
import { addDays, todayIn } from '../programmes/eligibility/civil-date';
import { ProgrammesService } from '../programmes/programmes.service';
import { RevocationEntry, signRevocationList, SignedRevocationList } from './revocation-list';

const REFUSED = ['suspended', 'revoked', 'replaced'] as const;
/** History steps that change whether an offline verifier should accept a card. */
const CHANGES = ['suspended', 'resumed', 'revoked', 'replaced'] as const;

/**
 * The signed list of cards offline verifiers must refuse: suspended, revoked and replaced cards whose tokens
 * have not expired yet (an expired token fails offline by its own date). Whole, or only what changed since a
 * time, for verifiers that keep their copy up to date.
 */
@Injectable()
export class RevocationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly programmes: ProgrammesService,
    private readonly keys: SigningKeysService,
  ) {}

  async list(since?: Date, now = new Date()): Promise<SignedRevocationList> {
    const programme = await this.programmes.default();
    const cards = since
      ? await this.changedSince(programme.id, since)
      : await this.refused(programme.id, now, programme.timeZone);
    const entries: RevocationEntry[] = cards.map((card) => ({
      number: card.number,
      status: (REFUSED as readonly string[]).includes(card.status)
        ? (card.status as RevocationEntry['status'])
        : 'active',
      at: card.updatedAt.toISOString(),
    }));
    const key = await this.keys.active();
    const signer = await this.keys.signer(key.id);
    return signRevocationList(
      {
        v: 1,
        programme: programme.code,
        issuedAt: now.toISOString(),
        since: since?.toISOString() ?? null,
        entries,
      },
      key.id,
      signer.privateKey,
    );
  }

  private refused(programmeId: string, now: Date, timeZone: string): Promise<CardEntity[]> {
    const yesterday = addDays(todayIn(timeZone, now), -1);
    return this.dataSource.manager
      .createQueryBuilder(CardEntity, 'c')
      .select(['c.number', 'c.status', 'c.updatedAt'])
      .where('c.programmeId = :programmeId', { programmeId })
      .andWhere('c.status IN (:...refused)', { refused: [...REFUSED] })
      .andWhere(
        new Brackets((w) =>
          w.where('c.validUntil IS NULL').orWhere('c.validUntil >= :yesterday', { yesterday }),
        ),
      )
      .orderBy('c.number', 'ASC')
      .getMany();
  }

  /** Cards whose acceptance changed after `since`, with their status now (active: accept again). */
  private async changedSince(programmeId: string, since: Date): Promise<CardEntity[]> {
    const events = await this.dataSource.manager.find(CardEventEntity, {
      where: { type: In([...CHANGES]), at: MoreThan(since) },
      select: { cardId: true },
    });
    const ids = [...new Set(events.map((e) => e.cardId))];
    if (ids.length === 0) return [];
    return this.dataSource.manager.find(CardEntity, {
      where: { id: In(ids), programmeId },
      select: { number: true, status: true, updatedAt: true },
      order: { number: 'ASC' },
    });
  }
}
