import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { UserDto } from '../../users/dto/user.dto';
import { PARTNER_STATUSES, PartnerStatus } from '../partner-status';
import type { PartnerEntity } from '../partner.entity';
import { OffsetPageQueryDto } from '../../common/pagination/offset-page-query.dto';

export class PartnerDto {
  id: string;
  name: string;
  taxNumber: string;
  categoryId: string;
  description: Record<string, string>;
  website: string | null;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  @ApiProperty({ enum: PARTNER_STATUSES })
  status: PartnerStatus;
  statusReason: string | null;
  agreementVersion: string;
  agreementAcceptedAt: Date;
  approvedAt: Date | null;
  /** Where the logo is, when there is one. */
  logoUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export class RegisteredPartnerDto {
  partner: PartnerDto;
  /** The owner's merchant account: sign in with its e-mail and password. */
  owner: UserDto;
}

export class PartnerPageDto {
  items: PartnerDto[];
  total: number;
  limit: number;
  offset: number;
}

export class PartnerQueryDto extends OffsetPageQueryDto {
  @IsOptional()
  @ApiProperty({ enum: PARTNER_STATUSES, required: false })
  @IsIn(PARTNER_STATUSES, { message: `status must be one of: ${PARTNER_STATUSES.join(', ')}` })
  status?: PartnerStatus;

  /** Part of the name (case and diacritics ignored) or the whole tax number. */
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;
}

export const mapPartner = (p: PartnerEntity): PartnerDto => ({
  id: p.id,
  name: p.name,
  taxNumber: p.taxNumber,
  categoryId: p.categoryId,
  description: p.description,
  website: p.website,
  contactName: p.contactName,
  contactEmail: p.contactEmail,
  contactPhone: p.contactPhone,
  status: p.status,
  statusReason: p.statusReason,
  agreementVersion: p.agreementVersion,
  agreementAcceptedAt: p.agreementAcceptedAt,
  approvedAt: p.approvedAt,
  logoUrl: p.logoHash ? `/api/v1/partners/${p.id}/logo` : null,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});
