import { Brackets } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { ApplicationEntity } from './application.entity';

/** Staff who handle applications: they review, decide and apply for walk-ins. */
export const CASE_STAFF = ['admin', 'case_worker'] as const;
/** Staff who may read applications (the auditor reads, never changes). */
export const APPLICATION_READERS = ['admin', 'case_worker', 'auditor'] as const;

export const isCaseStaff = (actor: Actor): boolean =>
  (CASE_STAFF as readonly string[]).includes(actor.role ?? '');
export const isApplicationReader = (actor: Actor): boolean =>
  (APPLICATION_READERS as readonly string[]).includes(actor.role ?? '');

/** The family's own application: they applied, or it concerns their family. */
export const isOwnApplication = (actor: Actor, app: ApplicationEntity): boolean =>
  actor.role === 'family' &&
  (app.applicantUserId === actor.id || (!!app.familyId && app.familyId === actor.familyId));

/** isOwnApplication as a query condition on the applications aliased `alias`, for lists and exports. */
export const ownApplicationsWhere = (alias: string, userId: string, familyId: string | null | undefined) =>
  new Brackets((w) => {
    w.where(`${alias}.applicantUserId = :ownUserId`, { ownUserId: userId });
    if (familyId) w.orWhere(`${alias}.familyId = :ownFamilyId`, { ownFamilyId: familyId });
  });

export const canRead = (actor: Actor, app: ApplicationEntity): boolean =>
  isApplicationReader(actor) || isOwnApplication(actor, app);

/**
 * Who acts as the applicant (edits, submits, resubmits, withdraws): the family, or case staff for a walk-in
 * who has no account. Staff may not act for a family that applied itself.
 */
export const actsAsApplicant = (actor: Actor, app: ApplicationEntity): boolean =>
  isOwnApplication(actor, app) || (isCaseStaff(actor) && app.applicantUserId === null);
