import { IsBoolean, IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class InviteCashierDto {
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email: string;

  @MaxLength(200)
  @MinLength(1)
  @IsString()
  displayName: string;
}

export class UpdateCashierDto {
  /** Disabling signs the cashier out at once. */
  @IsBoolean()
  disabled: boolean;
}
