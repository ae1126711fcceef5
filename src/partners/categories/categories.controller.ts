import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../auth/actor';
import { Auth, Public } from '../../common/decorators/auth.decorator';
import { CurrentActor } from '../../common/decorators/current-actor.decorator';
import { ProblemDto } from '../../common/problem/problem.dto';
import { PARTNER_STAFF } from '../partner-access';
import { CategoriesService } from './categories.service';
import { CategoryDto, CategoryInputDto, mapCategory, UpdateCategoryDto } from './category.dto';

@ApiTags('catalogue')
@ApiBadRequestResponse({ description: 'Invalid input', type: ProblemDto })
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  /** The programme's categories in display order, with names in every language. */
  @Get()
  @Public()
  async list(): Promise<CategoryDto[]> {
    return (await this.categories.list()).map(mapCategory);
  }

  @Post()
  @Auth({ roles: [...PARTNER_STAFF] })
  @ApiConflictResponse({ description: 'Slug already used', type: ProblemDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CategoryInputDto): Promise<CategoryDto> {
    return mapCategory(await this.categories.create(actor, dto));
  }

  /** Renames (names by language) or reorders a category. */
  @Patch(':id')
  @Auth({ roles: [...PARTNER_STAFF] })
  @ApiNotFoundResponse({ type: ProblemDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCategoryDto,
  ): Promise<CategoryDto> {
    return mapCategory(await this.categories.update(actor, id, dto));
  }
}
