import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/actor';
import { stripUndefined } from '../../common/changes';
import { ProblemException } from '../../common/problem/problem.exception';
import { isUniqueViolation } from '../../database/db-errors';
import { TransactionService } from '../../database/transaction.service';
import { ProgrammesService } from '../../programmes/programmes.service';
import { languageProblems } from '../partner-problems';
import { CategoryInputDto, UpdateCategoryDto } from './category.dto';
import { CategoryEntity } from './category.entity';

/** The programme's categories of partners and offers. */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly programmes: ProgrammesService,
  ) {}

  async list(programmeId?: string): Promise<CategoryEntity[]> {
    const id = programmeId ?? (await this.programmes.default()).id;
    return this.dataSource.manager.find(CategoryEntity, {
      where: { programmeId: id },
      order: { sortOrder: 'ASC', slug: 'ASC' },
    });
  }

  async create(actor: Actor, dto: CategoryInputDto): Promise<CategoryEntity> {
    const programme = await this.programmes.default();
    this.checkNames(dto.names, programme.languages);
    try {
      return await this.tx.run(async (em) => {
        const category = await em.save(
          em.create(CategoryEntity, { programmeId: programme.id, ...dto, sortOrder: dto.sortOrder ?? 0 }),
        );
        await this.audit.record(em, actor, {
          action: 'category.create',
          entityType: 'category',
          entityId: category.id,
          summary: { slug: category.slug, names: category.names },
        });
        return category;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ProblemException({
        ...ProblemException.conflict('category-slug-taken', `There is already a category ${dto.slug}`)
          .problem,
        errors: [{ field: 'slug', message: 'slug is already used' }],
      });
    }
  }

  async update(actor: Actor, id: string, dto: UpdateCategoryDto): Promise<CategoryEntity> {
    return this.tx.run(async (em) => {
      const category = await em.findOneBy(CategoryEntity, { id });
      if (!category) throw new NotFoundException(`No category with id ${id}`);
      if (dto.names)
        this.checkNames(dto.names, (await this.programmes.get(category.programmeId, em)).languages);
      const before = { names: category.names, sortOrder: category.sortOrder };
      Object.assign(category, stripUndefined(dto));
      await em.save(category);
      await this.audit.record(em, actor, {
        action: 'category.update',
        entityType: 'category',
        entityId: id,
        summary: { from: before, to: { names: category.names, sortOrder: category.sortOrder } },
      });
      return category;
    });
  }

  private checkNames(names: Record<string, string>, languages: string[]): void {
    const errors = languageProblems('names', names, languages);
    if (errors.length) throw ProblemException.validation(errors);
  }
}
