import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '../../auth/roles';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class CreateUserDto {
  /** @example "case.worker@city.example" */
  @trim() @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(254)
  email: string;

  /** @example "Anna Nowak" */
  @trim() @IsString() @MinLength(1) @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}` })
  role: StaffRole;

  /** Initial password; when omitted, one is generated and returned once. */
  @IsOptional() @IsString() @MaxLength(256)
  password?: string;
}
