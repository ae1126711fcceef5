import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '../../auth/roles';
import { IsOmittable } from '../../common/validation/omittable';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class CreateUserDto {
  /** @example "case.worker@city.example" */
  @trim()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email: string;

  /** @example "Anna Nowak" */
  @trim()
  @MinLength(1)
  @MaxLength(200)
  @IsString()
  displayName: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}` })
  role: StaffRole;

  /** Initial password; when omitted, one is generated and returned once. */
  @IsOmittable()
  @MaxLength(256)
  @IsString()
  password?: string;
}
