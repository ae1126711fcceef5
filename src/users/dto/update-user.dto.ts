import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '../../auth/roles';
import { IsOmittable } from '../../common/validation/omittable';

/** Fields may be left out; null is refused, as these columns are NOT NULL. */
export class UpdateUserDto {
  @IsOmittable()
  @MinLength(1)
  @MaxLength(200)
  @IsString()
  displayName?: string;

  @ApiProperty({ enum: STAFF_ROLES, required: false })
  @IsOmittable()
  @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}` })
  role?: StaffRole;

  /** Disabling signs the user out everywhere at once. */
  @IsOmittable()
  @IsBoolean()
  disabled?: boolean;

  /** `false` lifts a lock-out after repeated failed logins. */
  @IsOptional()
  @IsIn([false], { message: 'locked can only be set to false (to unlock)' })
  locked?: false;
}
