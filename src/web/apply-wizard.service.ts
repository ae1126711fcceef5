import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import type { Actor } from '../auth/actor';
import { isEditable, isOpen } from '../applications/application-state';
import { ApplicationViewService } from '../applications/application-view.service';
import { ApplicationWorkflowService } from '../applications/application-workflow.service';
import { ApplicationEntity } from '../applications/application.entity';
import { ApplicationsService } from '../applications/applications.service';
import type { DocumentEntity } from '../applications/document.entity';
import { DocumentsService, UploadSource } from '../applications/documents/documents.service';
import type { ApplicationDetailDto } from '../applications/dto/application.dto';
import { PersonalDataCipher } from '../common/personal-data/personal-data-cipher';
import type { MemberInputDto } from '../families/dto/member-input.dto';
import type { PersonDetails } from '../families/person-details';
import { maskedNationalId } from '../families/person-mapper';
import type { AddressField } from './apply-forms';

/** A saved person of the draft: its application member id and the facts as the service takes them back. */
export interface SavedPerson {
  key: string;
  input: MemberInputDto;
  /** The national ID masked, or null: what the form may show of it. */
  kept: string | null;
}

/**
 * The application wizard's work, done by the applications services themselves: the draft is the family's
 * new-family application while it may still change (draft, or sent back for information), so "save and come
 * back" is the application itself, found again from the signed-in account.
 */
@Injectable()
export class ApplyWizard {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly workflow: ApplicationWorkflowService,
    private readonly views: ApplicationViewService,
    private readonly documentsService: DocumentsService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /**
   * Whether the wizard has nothing to do for the account: its family is enrolled, or its application is with
   * the programme office. After a rejection or a withdrawal the family may apply again.
   */
  async closed(actor: Actor): Promise<boolean> {
    if (actor.familyId) return true;
    const latest = await this.dataSource.manager.findOne(ApplicationEntity, {
      where: { applicantUserId: actor.id!, type: 'new_family', erasedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    return latest !== null && isOpen(latest.status) && !isEditable(latest.status);
  }

  /** The application the wizard edits: the newest one that may still change. */
  draft(actor: Actor): Promise<ApplicationEntity | null> {
    return this.dataSource.manager.findOne(ApplicationEntity, {
      where: {
        applicantUserId: actor.id!,
        type: 'new_family',
        status: In(['draft', 'needs_info']),
        erasedAt: IsNull(),
      },
      order: { createdAt: 'DESC' },
    });
  }

  /** The people saved so far; their national IDs decrypted only to be stated again, never to be shown. */
  async people(app: ApplicationEntity | null): Promise<SavedPerson[]> {
    if (!app) return [];
    const stated = await this.applications.membersOf(this.dataSource.manager, app.id);
    return stated.map((m) => ({
      key: m.id,
      input: memberInputOf(m.person, this.cipher),
      kept: maskedNationalId(m.person, this.cipher),
    }));
  }

  /** Creates the draft with the first step's answers, or restates them. */
  async saveHousehold(
    actor: Actor,
    app: ApplicationEntity | null,
    address: Record<AddressField, string>,
    members: MemberInputDto[],
    language: string,
  ): Promise<ApplicationEntity> {
    const content = { ...address, phone: address.phone || undefined, members };
    return app
      ? this.applications.update(actor, app.id, content)
      : this.applications.create(actor, { type: 'new_family', language, ...content });
  }

  saveMembers(actor: Actor, app: ApplicationEntity, members: MemberInputDto[]): Promise<ApplicationEntity> {
    return this.applications.update(actor, app.id, { members });
  }

  documents(actor: Actor, app: ApplicationEntity): Promise<DocumentEntity[]> {
    return this.documentsService.list(actor, app.id);
  }

  upload(actor: Actor, app: ApplicationEntity, source: UploadSource): Promise<DocumentEntity> {
    return this.documentsService.upload(actor, app.id, source);
  }

  detail(actor: Actor, app: ApplicationEntity): Promise<ApplicationDetailDto> {
    return this.views.detail(actor, app.id);
  }

  /** Sends the draft to the programme office, or an application sent back for information back again. */
  async submit(actor: Actor, app: ApplicationEntity): Promise<void> {
    await this.workflow.transition(actor, app.id, app.status === 'needs_info' ? 'resubmit' : 'submit', {});
  }
}

/**
 * A saved person as the applications service takes them back (to state them again with a change): the national
 * ID decrypted only for that, never to be shown.
 */
export function memberInputOf(p: PersonDetails, cipher: PersonalDataCipher): MemberInputDto {
  const optional = <T>(value: T | null): T | undefined => value ?? undefined;
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    role: p.role,
    nationalId: p.nationalIdCipher ? cipher.decrypt(p.nationalIdCipher, p.nationalIdFormat!) : undefined,
    nationalIdFormat: optional(p.nationalIdFormat),
    educationEnd: optional(p.educationEnd),
    educationInstitution: optional(p.educationInstitution),
    disabilityUntil: optional(p.disabilityUntil),
    disabilityPermanent: p.disabilityPermanent || undefined,
    fosterPlacementEnd: optional(p.fosterPlacementEnd),
    parentalAuthority: p.parentalAuthority ?? undefined,
    residencePermitEnd: optional(p.residencePermitEnd),
  };
}
