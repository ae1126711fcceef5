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
import { colourPairProblem } from './programme-branding';
import { inspectLogo } from '../partners/logo-image';
import { createHash } from 'node:crypto';

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
      brandColour: dto.brandColour ?? null,
      brandTextColour: dto.brandTextColour ?? null,
      logoType: null,
      logoHash: null,
    };
    assertColourPair(settings);
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
      assertColourPair({ ...programme, ...stripUndefined(next) });
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

  /** Replaces the programme's logo: PNG or JPEG, decided from the bytes (as for partner logos); audited. */
  async setLogo(actor: Actor, id: string, bytes: Buffer): Promise<ProgrammeEntity> {
    const logo = inspectLogo(bytes);
    if (!logo.ok) throw ProblemException.validation([{ field: 'logo', message: `logo: ${logo.reason}` }]);
    const hash = createHash('sha256').update(bytes).digest('hex');
    return this.tx.run(async (em) => {
      const programme = await this.get(id, em);
      await em.update(ProgrammeEntity, { id }, { logo: bytes, logoType: logo.mediaType, logoHash: hash });
      await this.audit.record(em, actor, {
        action: 'programme.logo',
        entityType: 'programme',
        entityId: id,
        summary: { mediaType: logo.mediaType, width: logo.width, height: logo.height, sha256: hash },
      });
      return Object.assign(programme, { logoType: logo.mediaType, logoHash: hash });
    });
  }

  /** Removes the logo: the pages show the programme's name alone again. Audited when there was one. */
  async removeLogo(actor: Actor, id: string): Promise<ProgrammeEntity> {
    return this.tx.run(async (em) => {
      const programme = await this.get(id, em);
      if (!programme.logoHash) return programme;
      await em.update(ProgrammeEntity, { id }, { logo: null, logoType: null, logoHash: null });
      await this.audit.record(em, actor, {
        action: 'programme.logo.remove',
        entityType: 'programme',
        entityId: id,
        summary: { sha256: programme.logoHash },
      });
      return Object.assign(programme, { logoType: null, logoHash: null });
    });
  }

  /** The default programme's logo bytes and type (public: it is on every page), or null when it has none. */
  async defaultLogo(): Promise<{ bytes: Buffer; mediaType: string; hash: string } | null> {
    const { id } = await this.default();
    const row = await this.programmes.findOne({
      where: { id },
      select: { id: true, logo: true, logoType: true, logoHash: true },
    });
    if (!row?.logo || !row.logoType || !row.logoHash) return null;
    return { bytes: row.logo, mediaType: row.logoType, hash: row.logoHash };
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

/** A brand colour is only stored with a text colour readable on it (400 at brandTextColour otherwise). */
function assertColourPair(p: Pick<ProgrammeEntity, 'brandColour' | 'brandTextColour'>): void {
  const problem = colourPairProblem(p.brandColour ?? null, p.brandTextColour ?? null);
  if (problem === 'pairIncomplete')
    throw ProblemException.validation([
      {
        field: p.brandColour ? 'brandTextColour' : 'brandColour',
        message: 'brandColour and brandTextColour are set together (or both null for the defaults)',
      },
    ]);
  if (problem === 'contrastTooLow')
    throw ProblemException.validation([
      {
        field: 'brandTextColour',
        message: 'brandTextColour must have a contrast ratio of at least 4.5:1 with brandColour (WCAG AA)',
      },
    ]);
}
