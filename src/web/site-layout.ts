import type { ProgrammeEntity } from '../programmes/programme.entity';
import { brandingOf } from './branding';
import { fill } from './page-format';
import type { PageTexts } from './page-texts';

/** The shared layout's texts: `layout` in templates/web/messages/<language>.json. */
export interface LayoutMessages {
  layout: {
    languageName: string;
    skip: string;
    nav: string;
    home: string;
    catalogue: string;
    wallet: string;
    account: string;
    console: string;
    partner: string;
    checker: string;
    languages: string;
    footer: string;
  };
}

export type NavItem = 'home' | 'catalogue' | 'wallet' | 'account' | 'console' | 'partner' | 'checker';
const PATHS: Record<NavItem, string> = {
  home: '/',
  catalogue: '/catalogue',
  wallet: '/family/wallet',
  // Signed out, it leads to the sign-in page (PageSignInFilter).
  account: '/account',
  console: '/console',
  partner: '/partner',
  checker: '/merchant/check',
};
/** The main menu by the part of the site a page belongs to: families' (and everyone's), staff's or partners'. */
const NAV: Record<'site' | 'console' | 'partner', NavItem[]> = {
  site: ['home', 'catalogue', 'wallet', 'account'],
  console: ['home', 'catalogue', 'console'],
  partner: ['home', 'catalogue', 'partner', 'checker'],
};

/** The stylesheet every layout page loads, and the one with the programme's colours (brand-stylesheet.controller.ts). */
export const SITE_STYLESHEETS = ['/static/shared/site.css', '/branding.css'];

/** A link on this site: `path` with the non-empty `params`. Pages link with their language, so it sticks. */
export function siteHref(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== null && value !== undefined && value !== '') query.set(name, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export interface LayoutRequest {
  language: string;
  /** The page's path and query without `lang`: the language switcher links to them in each language. */
  path: string;
  params: Record<string, string>;
  title: string;
  current: NavItem | null;
  scripts?: string[];
  /** An area's own stylesheets (public/shared/<area>.css), after the shared ones. */
  stylesheets?: string[];
}

/** What templates/web/partials/layout.hbs shows around a page. */
export function layoutView<T extends LayoutMessages>(
  texts: PageTexts<T>,
  programme: ProgrammeEntity,
  page: LayoutRequest,
) {
  const lang = texts.speaks(page.language);
  const t = texts.in(lang).layout;
  const branding = brandingOf(programme);
  return {
    language: lang,
    title: page.title === branding.name ? branding.name : `${page.title} – ${branding.name}`,
    programmeName: branding.name,
    logoUrl: branding.logoUrl,
    homeHref: siteHref('/', { lang }),
    stylesheets: [...SITE_STYLESHEETS, ...(page.stylesheets ?? [])],
    scripts: page.scripts ?? [],
    t: { ...t, footer: fill(t.footer, { programme: branding.name }) },
    nav: NAV[page.current === 'console' || page.current === 'partner' ? page.current : 'site'].map(
      (item) => ({
        href: siteHref(PATHS[item], { lang }),
        label: t[item],
        current: item === page.current,
      }),
    ),
    languages: texts
      .switcher(lang, (m) => m.layout.languageName)
      .map((l) => ({ ...l, href: siteHref(page.path, { ...page.params, lang: l.code }) })),
  };
}
