import { IsIn, IsOptional } from 'class-validator';
import { ACCOUNT_NOTICES, AccountNotice } from '../account-page';
import { PageQueryDto } from './page-query.dto';

export class AccountQueryDto extends PageQueryDto {
  /** Set by the redirect after an action: the page says it was done. */
  @IsOptional()
  @IsIn(ACCOUNT_NOTICES, { message: `notice must be one of: ${ACCOUNT_NOTICES.join(', ')}` })
  notice?: AccountNotice;
}
