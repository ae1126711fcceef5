import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '../../auth/roles';

export class UpdateUserDto {
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  @IsString()
  displayName?: string;

  @ApiProperty({ enum: STAFF_ROLES, required: false })
  @IsOptional()
  @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}` })
  role?: StaffRole;

  /** Disabling signs the user out everywhere at once. */
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  /** `false` lifts a lock-out after repeated failed logins. */
  @IsOptional()
  @IsIn([false], { message: 'locked can only be set to false (to unlock)' })
  locked?: false;
}
