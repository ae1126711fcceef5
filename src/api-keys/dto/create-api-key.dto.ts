import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDate,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinDate,
  MinLength,
} from 'class-validator';
import { API_SCOPES, ApiScope } from '../../auth/roles';

export class CreateApiKeyDto {
  /** What the key is for. @example "Reporting warehouse" */
  @MinLength(1)
  @MaxLength(100)
  @IsString()
  name: string;

  @ApiProperty({ enum: API_SCOPES, isArray: true })
  @ArrayMinSize(1)
  @IsArray()
  @IsIn(API_SCOPES, { each: true, message: `each scope must be one of: ${API_SCOPES.join(', ')}` })
  scopes: ApiScope[];

  /** Optional expiry (ISO 8601). */
  @IsOptional()
  @Type(() => Date)
  @MinDate(() => new Date(), { message: 'expiresAt must be in the future' })
  @IsDate()
  expiresAt?: Date;
}
