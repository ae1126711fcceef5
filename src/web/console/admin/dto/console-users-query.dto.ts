import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MERCHANT_ROLES, STAFF_ROLES } from '../../../../auth/roles';
import { PageQueryDto } from '../../../dto/page-query.dto';

export const LISTED_KINDS = ['staff', 'merchant'] as const;
export const LISTED_ROLES = [...STAFF_ROLES, ...MERCHANT_ROLES] as const;
export const USER_STATUSES = ['active', 'disabled'] as const;

/** The users list's GET form: kind of account, role and status (no names or e-mails: those stay out of URLs). */
export class ConsoleUsersQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn([...LISTED_KINDS, ''], { message: 'kind must be staff or merchant' })
  kind?: (typeof LISTED_KINDS)[number] | '';

  @IsOptional()
  @IsIn([...LISTED_ROLES, ''], { message: `role must be one of: ${LISTED_ROLES.join(', ')}` })
  role?: (typeof LISTED_ROLES)[number] | '';

  @IsOptional()
  @IsIn([...USER_STATUSES, ''], { message: 'status must be active or disabled' })
  status?: (typeof USER_STATUSES)[number] | '';

  /** The page's first row, from the previous/next links. */
  @IsOptional()
  @Type(() => Number)
  @Max(1_000_000)
  @Min(0)
  @IsInt()
  offset?: number;
}

export const USER_NOTICES = ['role', 'disable', 'enable', 'unlock'] as const;

/** An account's page; `notice` is set by the redirect after a change. */
export class ConsoleUserQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(USER_NOTICES, { message: `notice must be one of: ${USER_NOTICES.join(', ')}` })
  notice?: (typeof USER_NOTICES)[number];
}
