import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  /** @example "admin@family-card.local" */
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email: string;

  @MinLength(1)
  @MaxLength(256)
  @IsString()
  password: string;
}

export class RefreshDto {
  /** The refresh token from the last login or refresh; each one works once. */
  @MinLength(10)
  @MaxLength(200)
  @IsString()
  refreshToken: string;
}

export class ChangePasswordDto {
  @MinLength(1)
  @MaxLength(256)
  @IsString()
  currentPassword: string;

  /** At least 12 characters and not a common or easily guessed password. */
  @MaxLength(256)
  @IsString()
  newPassword: string;
}

/** A family creates its own account before applying; staff and merchant accounts are created for them. */
export class RegisterFamilyDto {
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email: string;

  /** How the family wants to be addressed, e.g. "Anna Kowalska". */
  @MaxLength(200)
  @MinLength(1)
  @IsString()
  displayName: string;

  /** At least 12 characters and not a common or easily guessed password. */
  @MaxLength(256)
  @IsString()
  password: string;
}
