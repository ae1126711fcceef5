import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  /** @example "admin@family-card.local" */
  @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(254)
  email: string;

  @IsString() @MinLength(1) @MaxLength(256)
  password: string;
}

export class RefreshDto {
  /** The refresh token from the last login or refresh; each one works once. */
  @IsString() @MinLength(10) @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordDto {
  @IsString() @MinLength(1) @MaxLength(256)
  currentPassword: string;

  /** At least 12 characters and not a common or easily guessed password. */
  @IsString() @MaxLength(256)
  newPassword: string;
}
