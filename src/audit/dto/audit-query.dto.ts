import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditQueryDto {
  /** Only entries by this actor (user or API key id). */
  @IsOptional() @IsString() @MaxLength(64)
  actorId?: string;

  @IsOptional() @IsIn(['user', 'api_key', 'system', 'anonymous'])
  actorType?: 'user' | 'api_key' | 'system' | 'anonymous';

  /** Exact action name, e.g. `user.create`. */
  @IsOptional() @IsString() @MaxLength(64)
  action?: string;

  /** e.g. `user`, `api_key`, `session`. */
  @IsOptional() @IsString() @MaxLength(32)
  entityType?: string;

  @IsOptional() @IsString() @MaxLength(64)
  entityId?: string;

  @IsOptional() @IsString() @MaxLength(128)
  requestId?: string;

  /** Inclusive lower bound (ISO 8601). */
  @IsOptional() @Type(() => Date) @IsDate()
  from?: Date;

  /** Exclusive upper bound (ISO 8601). */
  @IsOptional() @Type(() => Date) @IsDate()
  to?: Date;

  /** `nextCursor` from the previous page. */
  @IsOptional() @Matches(/^\d{1,19}$/, { message: 'cursor must be a nextCursor value from a previous page' })
  cursor?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit: number = 50;
}
