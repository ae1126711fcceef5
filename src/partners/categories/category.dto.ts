import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { IsOmittable } from '../../common/validation/omittable';
import { IsLanguageMap } from '../../common/validation/language-map';
import type { CategoryEntity } from './category.entity';

export class CategoryInputDto {
  /** Lower-case letters, digits and dashes, e.g. `culture`: how URLs and imports name the category. */
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'slug must be 1-40 lower-case letters, digits or dashes' })
  slug: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { pl: 'Kultura', en: 'Culture' },
  })
  @IsLanguageMap(80)
  names: Record<string, string>;

  @IsOmittable()
  @Max(1000)
  @Min(0)
  @IsInt()
  sortOrder?: number;
}

/** The slug stays: imports and links refer to it. Fields may be left out, not set to null (NOT NULL columns). */
export class UpdateCategoryDto extends PartialType(OmitType(CategoryInputDto, ['slug'] as const), {
  skipNullProperties: false,
}) {}

export class CategoryDto {
  id: string;
  slug: string;
  names: Record<string, string>;
  sortOrder: number;
}

export const mapCategory = (c: CategoryEntity): CategoryDto => ({
  id: c.id,
  slug: c.slug,
  names: c.names,
  sortOrder: c.sortOrder,
});
