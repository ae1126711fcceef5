import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, Role, UserKind } from '../../auth/roles';
import { OffsetPageQueryDto } from '../../common/pagination/offset-page-query.dto';

export class ListUsersDto extends OffsetPageQueryDto {
  /** Part of the e-mail or name. */
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;

  @IsOptional()
  @IsIn(['staff', 'merchant', 'family'])
  kind?: UserKind;

  @ApiProperty({ enum: ROLES, required: false })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  disabled?: boolean;
}
