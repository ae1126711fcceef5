import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDate, IsIn, IsOptional, IsString, MaxLength, MinDate, MinLength } from 'class-validator';
import { API_SCOPES, ApiScope } from '../../auth/roles';

export class CreateApiKeyDto {
  /** What the key is for. @example "Reporting warehouse" */
  @IsString() @MinLength(1) @MaxLength(100)
  name: string;

  @ApiProperty({ enum: API_SCOPES, isArray: true })
  @IsArray() @ArrayMinSize(1) @IsIn(API_SCOPES, { each: true, message: `each scope must be one of: ${API_SCOPES.join(', ')}` })
  scopes: ApiScope[];

  /** Optional expiry (ISO 8601). */
  @IsOptional() @Type(() => Date) @IsDate() @MinDate(() => new Date(), { message: 'expiresAt must be in the future' })
  expiresAt?: Date;
}
