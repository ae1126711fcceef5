import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_ROLES, MemberRole } from '../../programmes/eligibility/eligibility.types';
import {
  APPLICATION_STATUSES,
  APPLICATION_TYPES,
  ApplicationStatus,
  ApplicationType,
} from '../application-state';

export class ApplicationSummaryDto {
  id: string;
  number: string;
  programmeId: string;
  @ApiProperty({ enum: APPLICATION_TYPES })
  type: ApplicationType;
  @ApiProperty({ enum: APPLICATION_STATUSES })
  status: ApplicationStatus;
  familyId: string | null;
  /** Last names of the people in it, for the queue. */
  names: string;
  submittedAt: Date | null;
  decisionDueAt: Date | null;
  /** Waiting for staff past the decision deadline. */
  overdue: boolean;
  createdAt: Date;
}

export class ApplicationPageDto {
  items: ApplicationSummaryDto[];
  nextCursor: string | null;
}

export class ApplicationMemberDto {
  id: string;
  memberId: string | null;
  firstName: string;
  lastName: string;
  birthDate: string;
  @ApiProperty({ enum: MEMBER_ROLES })
  role: MemberRole;
  nationalIdFormat: string | null;
  /** Only the last three characters are ever shown. */
  nationalIdMasked: string | null;
  educationEnd: string | null;
  educationInstitution: string | null;
  disabilityUntil: string | null;
  disabilityPermanent: boolean;
  fosterPlacementEnd: string | null;
  parentalAuthority: boolean | null;
  residencePermitEnd: string | null;
}

export class ReasonDto {
  code: string;
  message: string;
}

export class MemberDecisionDto {
  /** The application member's id. */
  key: string;
  eligible: boolean;
  /** null = indefinite when eligible. */
  validUntil: string | null;
  qualifyingChild: boolean;
  reasons: ReasonDto[];
}

export class EligibilityDto {
  /** The application date the rules were applied on, in the programme's time zone. */
  date: string;
  qualifies: boolean;
  qualifyingChildren: string[];
  members: MemberDecisionDto[];
  reasons: ReasonDto[];
}

export class DuplicateWarningDto {
  /** The application member who is already in another active family. */
  applicationMemberId: string;
  familyId: string;
  memberId: string;
}

export class ApplicationEventDto {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorType: string;
  reason: string | null;
  message: string | null;
  at: Date;
}

export class ApplicationNoteDto {
  id: string;
  authorLabel: string | null;
  text: string;
  createdAt: Date;
}

export class ApplicationDetailDto extends ApplicationSummaryDto {
  applicantUserId: string | null;
  language: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityCode: string | null;
  email: string | null;
  phone: string | null;
  memberId: string | null;
  lossReason: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  decisionText: string | null;
  members: ApplicationMemberDto[];
  /** What the eligibility engine says about the family as this application states it. */
  eligibility: EligibilityDto | null;
  /** Staff only: members already in another active family (matched by national ID without revealing it). */
  duplicates?: DuplicateWarningDto[];
  events: ApplicationEventDto[];
}
