import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES, APPLICATION_TYPES } from '../../applications/application-state';
import type { ApplicationStatus, ApplicationType } from '../../applications/application-state';
import { DocumentDto } from '../../applications/documents/dto/document.dto';
import { PersonFactsDto } from '../dto/person.dto';
import { ApplicationEventDto } from '../../applications/dto/application.dto';
import { FamilyFieldsDto } from './family.dto';

/** A person as stated, with the national ID in full: it is the person's own data. */
export class ExportedPersonDto extends PersonFactsDto {
  /** In full, decrypted for this export. */
  nationalId: string | null;
}

export class ExportedMemberDto extends ExportedPersonDto {
  id: string;
  /** active, or removed from the family. */
  status: string;
  eligible: boolean;
  eligibleUntil: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export class ExportedApplicationMemberDto extends ExportedPersonDto {
  /** The family member these facts are about, for an extension. */
  memberId: string | null;
}

export class ExportedApplicationDto {
  id: string;
  number: string;
  programmeId: string;
  @ApiProperty({ enum: APPLICATION_TYPES })
  type: ApplicationType;
  @ApiProperty({ enum: APPLICATION_STATUSES })
  status: ApplicationStatus;
  language: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityCode: string | null;
  email: string | null;
  phone: string | null;
  memberId: string | null;
  lossReason: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  decisionText: string | null;
  createdAt: Date;
  updatedAt: Date;
  members: ExportedApplicationMemberDto[];
  events: ApplicationEventDto[];
  /** What was attached, without the bytes (each can be downloaded). */
  documents: DocumentDto[];
}

/** An e-mail the service wrote to the family. */
export class ExportedEmailDto {
  id: string;
  template: string;
  recipient: string;
  subject: string;
  text: string;
  /** pending, sent or failed. */
  status: string;
  applicationId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export class ExportedAccountDto {
  id: string;
  email: string;
  displayName: string;
  role: string;
  createdAt: Date;
  lastLoginAt: Date | null;
}

export class ExportedFamilyDto extends FamilyFieldsDto {
  updatedAt: Date;
}

/**
 * Everything held about the signed-in family user, their family and their applications (GDPR art. 15 and 20).
 * Case workers' internal notes are left out: they are staff working notes (docs/data-protection.md).
 */
export class FamilyExportDto {
  generatedAt: Date;
  account: ExportedAccountDto;
  /** null until an application of theirs is approved. */
  family: ExportedFamilyDto | null;
  members: ExportedMemberDto[];
  applications: ExportedApplicationDto[];
  emails: ExportedEmailDto[];
}
