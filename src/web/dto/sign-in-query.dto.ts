import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from './page-query.dto';

export const SIGN_IN_NOTICES = ['registered', 'signedOut'] as const;

export class SignInQueryDto extends PageQueryDto {
  /** A line to show above the form after a redirect: the account was created, or the user signed out. */
  @IsOptional()
  @IsIn(SIGN_IN_NOTICES, { message: `notice must be one of: ${SIGN_IN_NOTICES.join(', ')}` })
  notice?: (typeof SIGN_IN_NOTICES)[number];
}
