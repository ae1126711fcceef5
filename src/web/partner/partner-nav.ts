import { MERCHANT_ROLES, type Role } from '../../auth/roles';
import { siteHref } from '../site-layout';

export type PartnerSection = 'profile' | 'outlets' | 'offers' | 'team' | 'keys' | 'statistics' | 'checker';

/** The partner's texts for the menu: `partnerNav` in templates/web/messages/partner-nav/<language>.json. */
export interface PartnerNavMessages {
  partnerNav: Record<PartnerSection | 'label', string>;
}

const OWNER: readonly Role[] = ['merchant_owner'];

/**
 * The partner portal's sections in menu order, with the roles that may open each: a section's page enforces the
 * same roles on the server (its route's @Auth); the menu only leaves out what the user cannot open.
 */
export const PARTNER_SECTIONS: { section: PartnerSection; path: string; roles: readonly Role[] }[] = [
  { section: 'profile', path: '/partner', roles: MERCHANT_ROLES },
  { section: 'outlets', path: '/partner/outlets', roles: MERCHANT_ROLES },
  { section: 'offers', path: '/partner/offers', roles: MERCHANT_ROLES },
  { section: 'team', path: '/partner/team', roles: OWNER },
  { section: 'keys', path: '/partner/keys', roles: OWNER },
  { section: 'statistics', path: '/partner/statistics', roles: MERCHANT_ROLES },
  { section: 'checker', path: '/merchant/check', roles: MERCHANT_ROLES },
];

/** The partner menu (templates/web/partials/partner-nav.hbs) for a user with `role`, `current` marked. */
export function partnerNav(
  messages: PartnerNavMessages,
  language: string,
  role: Role | null | undefined,
  current: PartnerSection | null,
) {
  const t = messages.partnerNav;
  return {
    partnerNavLabel: t.label,
    partnerNav: PARTNER_SECTIONS.filter((s) => role && s.roles.includes(role)).map((s) => ({
      href: siteHref(s.path, { lang: language }),
      label: t[s.section],
      current: s.section === current,
    })),
  };
}
