import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';

/** Staff who manage partners and moderate offers. */
export const PARTNER_STAFF = ['admin', 'partner_manager'] as const;
/** Staff who may read partner data (case workers answer families' questions about offers). */
export const PARTNER_READERS = ['admin', 'partner_manager', 'case_worker', 'auditor'] as const;

export type PartnerAccess = 'staff' | 'merchant';

const has = (roles: readonly string[], actor: Actor) => roles.includes(actor.role ?? '');

/** The actor's own partner, for merchants (users and till keys); null for everyone else. */
export const ownPartnerId = (actor: Actor): string | null =>
  actor.role === 'merchant_owner' || actor.role === 'merchant_cashier' || actor.type === 'api_key'
    ? (actor.partnerId ?? null)
    : null;

/**
 * Row-level access to one partner's data (profile, outlets, offers, accounts, keys). Staff read every partner
 * and partner staff change them; a merchant reaches only its own partner, reading as a cashier and changing as
 * the owner (a cashier asking to change gets 403). Another partner's data answers 404, so its existence is not revealed.
 */
export function requirePartnerAccess(actor: Actor, partnerId: string, need: 'read' | 'write'): PartnerAccess {
  if (has(need === 'read' ? PARTNER_READERS : PARTNER_STAFF, actor)) return 'staff';
  if (ownPartnerId(actor) === partnerId) {
    if (need === 'read' || actor.role === 'merchant_owner') return 'merchant';
    throw new ForbiddenException("Only the partner's owner account may change this.");
  }
  throw new NotFoundException(`No partner with id ${partnerId}`);
}
