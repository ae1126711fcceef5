import { Injectable, Logger, NotFoundException, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, systemActor } from '../auth/actor';
import { changedFields, stripUndefined } from '../common/changes';
import { ProblemException } from '../common/problem/problem.exception';
import type { EnrolmentConfig } from '../config/enrolment.config';
import { isUniqueViolation } from '../database/db-errors';
import { TransactionService } from '../database/transaction.service';
import { CategoryEntity } from '../partners/categories/category.entity';
import { DEFAULT_CATEGORIES } from '../partners/categories/default-categories';
import { CreateProgrammeDto, UpdateProgrammeDto } from './dto/programme.dto';
import { DEFAULT_PROGRAMME_SETTINGS, cardPrefixFor } from './programme-defaults';
import { ProgrammeEntity } from './programme.entity';

type Settings = Omit<ProgrammeEntity, 'id' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class ProgrammesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProgrammesService.name);

  constructor(
    @InjectRepository(ProgrammeEntity) private readonly programmes: Repository<ProgrammeEntity>,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly config: ConfigService,
  ) {}

  /** The first start creates the default programme from PROGRAMME_* settings; later starts leave it alone. */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.programmes.count()) > 0) return;
    const { code, name, timeZone, languages } =
      this.config.getOrThrow<EnrolmentConfig>('enrolment').defaultProgramme;
    try {
      await this.create(systemActor('first-start'), { code, name, timeZone, languages });
      this.logger.log(`Created the default programme ${code}`);
    } catch (error) {
      // Another instance starting at the same moment created it.
      if (!ProblemException.is(error, 'programme-code-taken')) throw error;
    }
  }

  list(): Promise<ProgrammeEntity[]> {
    return this.programmes.find({ order: { createdAt: 'ASC' } });
  }

  async get(id: string, em: EntityManager = this.programmes.manager): Promise<ProgrammeEntity> {
    const programme = await em.findOneBy(ProgrammeEntity, { id });
    if (!programme) throw new NotFoundException(`No programme with id ${id}`);
    return programme;
  }

  /** The programme new applications go to when none is named: the oldest one. */
  async default(em: EntityManager = this.programmes.manager): Promise<ProgrammeEntity> {
    const [first] = await em.find(ProgrammeEntity, { order: { createdAt: 'ASC' }, take: 1 });
    if (!first) throw new NotFoundException('No programme is configured');
    return first;
  }

  async create(actor: Actor, dto: CreateProgrammeDto): Promise<ProgrammeEntity> {
    const settings: Settings = {
      ...DEFAULT_PROGRAMME_SETTINGS,
      languages: ['pl', 'en'],
      timeZone: 'Europe/Warsaw',
      ...stripUndefined(dto),
      code: dto.code,
      cardPrefix: dto.cardPrefix ?? cardPrefixFor(dto.code),
      name: dto.name,
      residency: residencyOf(dto.residency) ?? DEFAULT_PROGRAMME_SETTINGS.residency,
    };
    try {
      return await this.tx.run(async (em) => {
        const programme = await em.save(em.create(ProgrammeEntity, settings));
        await em.insert(
          CategoryEntity,
          DEFAULT_CATEGORIES.map((c, sortOrder) => ({ programmeId: programme.id, ...c, sortOrder })),
        );
        await this.audit.record(em, actor, {
          action: 'programme.create',
          entityType: 'programme',
          entityId: programme.id,
          summary: { code: programme.code },
        });
        return programme;
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw ProblemException.conflict(
          'programme-code-taken',
          `Programme code ${dto.code} or card prefix ${settings.cardPrefix} is already in use`,
        );
      throw error;
    }
  }

  /** Changes the given settings; the audit row names each changed setting with its old and new value. */
  async update(actor: Actor, id: string, dto: UpdateProgrammeDto): Promise<ProgrammeEntity> {
    return this.tx.run(async (em) => {
      const programme = await this.get(id, em);
      const next: Partial<Settings> = { ...stripUndefined(dto), residency: residencyOf(dto.residency) };
      const changes = changedFields(programme, stripUndefined(next));
      if (Object.keys(changes).length === 0) return programme;
      Object.assign(programme, stripUndefined(next));
      const saved = await em.save(programme);
      await this.audit.record(em, actor, {
        action: 'programme.update',
        entityType: 'programme',
        entityId: id,
        summary: changes,
      });
      return saved;
    });
  }
}

function residencyOf(dto: CreateProgrammeDto['residency']): ProgrammeEntity['residency'] | undefined {
  if (!dto) return undefined;
  if (dto.kind === 'none') return { kind: 'none' };
  if (!dto.values?.length)
    throw ProblemException.validation([
      { field: 'residency.values', message: 'residency.values must list at least one code for this kind' },
    ]);
  return { kind: dto.kind, values: dto.values };
}
