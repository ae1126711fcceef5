import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MERCHANT_ROLES, type MerchantRole } from '../../auth/roles';

export class InviteMerchantDto {
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email: string;

  @MaxLength(200)
  @MinLength(1)
  @IsString()
  displayName: string;

  /**
   * A cashier (the default) checks cards and redeems offers. Only programme staff may create an owner, e.g. for
   * a partner brought in by the import, which has no account yet.
   */
  @ApiProperty({ enum: MERCHANT_ROLES, required: false })
  @IsOptional()
  @IsIn(MERCHANT_ROLES, { message: `role must be one of: ${MERCHANT_ROLES.join(', ')}` })
  role?: MerchantRole;
}

export class UpdateCashierDto {
  /** Disabling signs the cashier out at once. */
  @IsBoolean()
  disabled: boolean;
}
