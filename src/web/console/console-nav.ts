import { FAMILY_READERS, STAFF_READERS, type Role } from '../../auth/roles';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import { siteHref } from '../site-layout';

export type ConsoleSection =
  'dashboard' | 'review' | 'families' | 'partners' | 'offers' | 'users' | 'reports' | 'settings' | 'audit';

/** Who reads the audit log: as for GET /api/v1/audit. */
export const AUDIT_READERS: Role[] = ['admin', 'auditor'];

/**
 * The console's sections in menu order, with the roles that may open each: a section's page enforces the same
 * roles on the server (its route's @Auth), the menu only leaves out what the user cannot open.
 */
export const CONSOLE_SECTIONS: { section: ConsoleSection; path: string; roles: readonly Role[] }[] = [
  { section: 'dashboard', path: '/console', roles: STAFF_READERS },
  { section: 'review', path: '/console/review', roles: STAFF_READERS },
  { section: 'families', path: '/console/families', roles: FAMILY_READERS },
  { section: 'partners', path: '/console/partners', roles: STAFF_READERS },
  { section: 'offers', path: '/console/offers', roles: STAFF_READERS },
  { section: 'users', path: '/console/users', roles: ['admin', 'auditor'] },
  { section: 'reports', path: '/console/reports', roles: STAFF_READERS },
  { section: 'settings', path: '/console/settings', roles: ['admin', 'auditor'] },
  { section: 'audit', path: '/console/audit', roles: AUDIT_READERS },
];

/** What every console page is rendered with. */
export interface ConsolePageState {
  programme: ProgrammeEntity;
  language: string;
  csrf: string;
  /** The user's role: the menu shows the sections it may open. */
  role: Role | null | undefined;
}

/** The console menu (templates/web/partials/console-nav.hbs) for a user with `role`, `current` marked. */
export function consoleNav(
  t: Record<ConsoleSection | 'consoleNav', string>,
  language: string,
  role: Role | null | undefined,
  current: ConsoleSection | null,
) {
  return {
    consoleNav: t.consoleNav,
    nav: CONSOLE_SECTIONS.filter((s) => role && s.roles.includes(role)).map((s) => ({
      href: siteHref(s.path, { lang: language }),
      label: t[s.section],
      current: s.section === current,
    })),
  };
}
