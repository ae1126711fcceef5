import { CURSOR_MESSAGE } from '../../common/keyset-cursor';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ToBool, ToList } from '../../config/env-transforms';
import {
  APPLICATION_STATUSES,
  APPLICATION_TYPES,
  ApplicationStatus,
  ApplicationType,
} from '../application-state';

export class ApplicationQueryDto {
  /** Comma-separated. Staff default: everything but drafts. */
  @ApiProperty({ enum: APPLICATION_STATUSES, isArray: true, required: false })
  @IsOptional()
  @ToList()
  @IsIn(APPLICATION_STATUSES, {
    each: true,
    message: `status must be a comma-separated list of: ${APPLICATION_STATUSES.join(', ')}`,
  })
  status?: ApplicationStatus[];

  @ApiProperty({ enum: APPLICATION_TYPES, required: false })
  @IsOptional()
  @IsIn(APPLICATION_TYPES, { message: `type must be one of: ${APPLICATION_TYPES.join(', ')}` })
  type?: ApplicationType;

  /** Only applications waiting for staff past their decision deadline. */
  @IsOptional()
  @ToBool()
  @IsIn([true, false], { message: 'overdue must be true or false' })
  overdue?: boolean;

  /** An application number, or part of a member's name (case and diacritics ignored). */
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;

  @IsOptional()
  @Type(() => Number)
  @Max(100)
  @Min(1)
  @IsInt({ message: 'limit must be an integer' })
  limit: number = 20;

  /** `nextCursor` of the previous page. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: CURSOR_MESSAGE })
  cursor?: string;
}
