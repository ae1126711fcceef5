import type { ConsoleMessages } from '../console-page';
import { consoleNav, type ConsolePageState, type ConsoleSection } from '../console-nav';
import type { PageTexts } from '../../page-texts';
import { layoutView } from '../../site-layout';

/** The stylesheet of these pages (decision forms side by side, status badges). */
export const CONSOLE_PARTNERS_CSS = '/static/shared/console-partners.css';

/** What every page of this area shows around its content: the layout, the console menu, the sign-out form. */
export function consoleFrame<T extends ConsoleMessages & { signin: { signOut: string } }>(
  texts: PageTexts<T>,
  s: ConsolePageState,
  page: { path: string; params?: Record<string, string>; title: string; section: ConsoleSection },
) {
  const lang = texts.speaks(s.language);
  const messages = texts.in(lang);
  return {
    layout: layoutView(texts, s.programme, {
      language: lang,
      path: page.path,
      params: page.params ?? {},
      title: page.title,
      current: 'console',
      stylesheets: [CONSOLE_PARTNERS_CSS],
    }),
    signOut: messages.signin.signOut,
    language: lang,
    csrf: s.csrf,
    ...consoleNav(messages.console, lang, s.role, page.section),
  };
}

/** A date and time in the programme's time zone, as `language` writes it. */
export const dateTime = (date: Date, language: string, timeZone: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);

/** A decision form's reason field as the templates show it: its own id per form, its error tied to it. */
export function reasonField(
  id: string,
  value: string,
  error: string | null,
  required: boolean,
  hintText: string,
) {
  return {
    id,
    value,
    error,
    required,
    hint: hintText,
    describedBy: [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' '),
  };
}

/** Previous / next links of an offset-paged list, and "page n of m". */
export function pagination(
  page: number,
  total: number,
  size: number,
  href: (page: number) => string,
): { page: number; pages: number; previous: string | null; next: string | null } {
  const pages = Math.max(1, Math.ceil(total / size));
  return {
    page,
    pages,
    previous: page > 1 ? href(Math.min(page - 1, pages)) : null,
    next: page < pages ? href(page + 1) : null,
  };
}
