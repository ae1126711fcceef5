import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ROLES, Role, UserKind } from '../../auth/roles';

export class ListUsersDto {
  /** Part of the e-mail or name. */
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @IsOptional() @IsIn(['staff', 'merchant', 'family'])
  kind?: UserKind;

  @ApiProperty({ enum: ROLES, required: false })
  @IsOptional() @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  disabled?: boolean;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit: number = 50;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset: number = 0;
}
