import { ApiProperty } from '@nestjs/swagger';
import type { ApplicationEventEntity } from '../application-event.entity';
import { PersonDto } from '../../families/dto/person.dto';
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
  /** Last names of the people in it, as written: "Nowak / Kowalska". */
  familyNames: string;
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

export class ApplicationMemberDto extends PersonDto {
  id: string;
  /** Extensions: the family member these facts restate. */
  memberId: string | null;
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

export const mapEvent = (e: ApplicationEventEntity): ApplicationEventDto => ({
  action: e.action,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  actorType: e.actorType,
  reason: e.reason,
  message: e.message,
  at: e.at,
});

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
