import { CURSOR_MESSAGE } from '../../common/keyset-cursor';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditQueryDto {
  /** Only entries by this actor (user or API key id). */
  @IsOptional()
  @MaxLength(64)
  @IsString()
  actorId?: string;

  @IsOptional()
  @IsIn(['user', 'api_key', 'system', 'anonymous'])
  actorType?: 'user' | 'api_key' | 'system' | 'anonymous';

  /** Exact action name, e.g. `user.create`. */
  @IsOptional()
  @MaxLength(64)
  @IsString()
  action?: string;

  /** e.g. `user`, `api_key`, `session`. */
  @IsOptional()
  @MaxLength(32)
  @IsString()
  entityType?: string;

  @IsOptional()
  @MaxLength(64)
  @IsString()
  entityId?: string;

  @IsOptional()
  @MaxLength(128)
  @IsString()
  requestId?: string;

  /** Inclusive lower bound (ISO 8601). */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  /** Exclusive upper bound (ISO 8601). */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  /** `nextCursor` from the previous page. */
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: CURSOR_MESSAGE })
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(500)
  @IsInt()
  limit: number = 50;
}
