import { IntersectionType, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { ProgrammeEntity } from '../programme.entity';
import { programmeLogoUrl } from '../programme-branding';
import { ProgrammeSettingsDto } from './programme-settings.dto';

/** Only code and name are required; every other setting defaults to the Polish national rules. */
export class CreateProgrammeDto extends IntersectionType(
  PickType(ProgrammeSettingsDto, ['code', 'name'] as const),
  PartialType(OmitType(ProgrammeSettingsDto, ['code', 'name'] as const)),
) {}

export class UpdateProgrammeDto extends PartialType(
  OmitType(ProgrammeSettingsDto, ['code', 'cardPrefix'] as const),
) {}

export class ProgrammeDto extends ProgrammeSettingsDto {
  id: string;
  /** The logo's address on this server (public), or null when the programme has none. */
  logoUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const mapProgramme = (p: ProgrammeEntity): ProgrammeDto => ({
  id: p.id,
  code: p.code,
  cardPrefix: p.cardPrefix,
  name: p.name,
  languages: p.languages,
  timeZone: p.timeZone,
  nationalIdFormat: p.nationalIdFormat,
  minChildren: p.minChildren,
  childAgeLimit: p.childAgeLimit,
  educationAgeLimit: p.educationAgeLimit,
  educationEndRule: p.educationEndRule,
  parentValidity: p.parentValidity,
  formerLargeFamilyParentsQualify: p.formerLargeFamilyParentsQualify,
  residency: { kind: p.residency.kind, values: 'values' in p.residency ? p.residency.values : [] },
  decisionDeadlineDays: p.decisionDeadlineDays,
  reminderLeadDays: p.reminderLeadDays,
  retentionMonths: p.retentionMonths,
  duplicateCardFee: p.duplicateCardFee,
  currency: p.currency,
  taxNumberFormat: p.taxNumberFormat,
  partnerAgreementVersion: p.partnerAgreementVersion,
  offerEditsNeedApproval: p.offerEditsNeedApproval,
  validationRetentionDays: p.validationRetentionDays,
  redemptionCancelMinutes: p.redemptionCancelMinutes,
  brandColour: p.brandColour,
  brandTextColour: p.brandTextColour,
  logoUrl: programmeLogoUrl(p),
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});
