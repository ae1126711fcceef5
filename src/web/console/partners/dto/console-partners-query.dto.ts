import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PARTNER_STATUSES, type PartnerStatus } from '../../../../partners/partner-status';
import { PageQueryDto } from '../../../dto/page-query.dto';
import { OFFER_DECISIONS, PARTNER_DECISIONS } from '../console-partners-forms';

/** The list's status filter: one status, or every partner. */
export const PARTNER_FILTERS = [...PARTNER_STATUSES, 'all'] as const;
export type PartnerFilter = PartnerStatus | 'all';

class PagedQueryDto extends PageQueryDto {
  /** The page of the list, from 1. */
  @IsOptional()
  @Type(() => Number)
  @Max(5000)
  @Min(1)
  @IsInt()
  page?: number;
}

/** The partner list's GET form: status (pending unless chosen: the approval queue), name search, page. */
export class ConsolePartnersQueryDto extends PagedQueryDto {
  @IsOptional()
  @IsIn(PARTNER_FILTERS, { message: `status must be one of: ${PARTNER_FILTERS.join(', ')}` })
  status?: PartnerFilter;

  /** Part of the business name, or its whole tax number: a business's, not a person's, so a GET is fine. */
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;
}

/** One partner's page; `notice` is set by the redirect after a decision. */
export class ConsolePartnerQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(PARTNER_DECISIONS, { message: `notice must be one of: ${PARTNER_DECISIONS.join(', ')}` })
  notice?: string;
}

/** The offer moderation queue; `notice` is set by the redirect after a decision. */
export class ConsoleOffersQueryDto extends PagedQueryDto {
  @IsOptional()
  @IsIn(OFFER_DECISIONS, { message: `notice must be one of: ${OFFER_DECISIONS.join(', ')}` })
  notice?: string;
}
