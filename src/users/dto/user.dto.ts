import { ROLES, Role, UserKind } from '../../auth/roles';
import { ApiProperty } from '@nestjs/swagger';
import { UserEntity } from '../user.entity';

export class UserDto {
  id: string;
  email: string;
  displayName: string;
  kind: UserKind;
  @ApiProperty({ enum: ROLES })
  role: Role;
  partnerId: string | null;
  familyId: string | null;
  disabled: boolean;
  /** Set while the account is locked after repeated failed logins. */
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

export class CreatedUserDto extends UserDto {
  /** Present only when the service generated the first password; shown this once. */
  initialPassword?: string;
}

export class UserPageDto {
  items: UserDto[];
  total: number;
  limit: number;
  offset: number;
}

export function mapUser(u: UserEntity): UserDto {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    kind: u.kind,
    role: u.role,
    partnerId: u.partnerId,
    familyId: u.familyId,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil : null,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}
