import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { ValidationFlagEntity } from '../validation-flag.entity';

export class FlagQueryDto {
  /** Closed flags too. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  all?: boolean;
}

export class ResolveFlagDto {
  /** What staff found and did. */
  @MaxLength(500)
  @MinLength(1)
  @IsString()
  resolution: string;
}

export class ValidationFlagDto {
  id: string;
  partnerId: string;
  actorType: 'user' | 'api_key';
  actorId: string | null;
  ip: string | null;
  badCount: number;
  windowStart: Date;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolution: string | null;
}

export const mapFlag = (f: ValidationFlagEntity): ValidationFlagDto => ({
  id: f.id,
  partnerId: f.partnerId,
  actorType: f.actorType,
  actorId: f.actorId,
  ip: f.ip,
  badCount: f.badCount,
  windowStart: f.windowStart,
  createdAt: f.createdAt,
  resolvedAt: f.resolvedAt,
  resolvedBy: f.resolvedBy,
  resolution: f.resolution,
});
