import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `limit` and `offset` of a staff or merchant list; lists with filters extend it. */
export class OffsetPageQueryDto {
  @IsOptional()
  @Max(200)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  limit: number = 50;

  @IsOptional()
  @Max(100_000)
  @Min(0)
  @IsInt()
  @Type(() => Number)
  offset: number = 0;
}
