export const STAFF_ROLES = ['admin', 'case_worker', 'partner_manager', 'auditor'] as const;
export const MERCHANT_ROLES = ['merchant_owner', 'merchant_cashier'] as const;
export const FAMILY_ROLES = ['family'] as const;
export const ROLES = [...STAFF_ROLES, ...MERCHANT_ROLES, ...FAMILY_ROLES] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type MerchantRole = (typeof MERCHANT_ROLES)[number];
export type Role = (typeof ROLES)[number];
export type UserKind = 'staff' | 'merchant' | 'family';

export function kindOf(role: Role): UserKind {
  if ((STAFF_ROLES as readonly string[]).includes(role)) return 'staff';
  if ((MERCHANT_ROLES as readonly string[]).includes(role)) return 'merchant';
  return 'family';
}

/** Staff who read families, their applications and cards (partner managers work with partners). */
export const FAMILY_READERS: Role[] = ['admin', 'case_worker', 'auditor'];

/** Staff who may read staff data; the auditor reads everything and changes nothing. */
export const STAFF_READERS: Role[] = [...STAFF_ROLES];

/** Scopes an API key can carry. Each route that accepts API keys names the scope it needs. */
export const API_SCOPES = ['audit:read', 'users:read', 'validations:write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Scopes a partner's till keys may carry: checking and redeeming cards at that partner only. */
export const PARTNER_API_SCOPES: readonly ApiScope[] = ['validations:write'];
