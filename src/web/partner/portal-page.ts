import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../auth/roles';
import type { CatalogueMessages } from '../catalogue-items';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import { WEB_TEMPLATES_DIR } from '../../validations/check-page';
import { PageTexts } from '../page-texts';
import { layoutView, LayoutMessages } from '../site-layout';
import { partnerNav, PartnerNavMessages, PartnerSection } from './partner-nav';
import { errorSummary, FieldView } from './portal-fields';

/** Messages of one part of the portal: texts, and nested groups (statuses, errors, …). */
export type PortalTexts = Record<string, string> & Record<string, Record<string, string>>;

/**
 * The portal's texts: `partnerPortal` in templates/web/messages/partner/<language>.json, with the layout, the
 * partner menu, the sign-out button (`signin`) and the catalogue's texts for the offer preview.
 */
export interface PortalMessages extends LayoutMessages, PartnerNavMessages, CatalogueMessages {
  partnerPortal: PortalTexts;
  signin: Record<string, string>;
}

export const PORTAL_STYLESHEET = '/static/shared/partner.css';
/** Optional: shows only the offer editor's fields that apply to the chosen benefit, schedule and audience. */
export const OFFER_EDITOR_SCRIPT = '/static/partner/offer-editor.js';

/**
 * A template of the portal: the shared partials of templates/web/partials, and the portal's own field partial
 * (templates/web/partner-portal-field.html.hbs) as `portal-field`.
 */
export function portalTemplate(file: string): Handlebars.TemplateDelegate {
  const handlebars = Handlebars.create();
  const compile = (path: string) => handlebars.compile(readFileSync(path, 'utf8'), { strict: true });
  const partials = join(WEB_TEMPLATES_DIR, 'partials');
  for (const name of readdirSync(partials).filter((f) => f.endsWith('.hbs')))
    handlebars.registerPartial(name.slice(0, -'.hbs'.length), compile(join(partials, name)));
  handlebars.registerPartial(
    'portal-field',
    compile(join(WEB_TEMPLATES_DIR, 'partner-portal-field.html.hbs')),
  );
  return compile(join(WEB_TEMPLATES_DIR, file));
}

/** What every page of the portal knows. */
export interface PortalFrame {
  programme: ProgrammeEntity;
  language: string;
  csrf: string;
  role?: Role | null;
}

/** A titled group of fields (a fieldset). */
export interface FieldGroup {
  id: string;
  title: string;
  intro: string | null;
  fields: FieldView[];
}

/** The error summary of groups of fields. */
export const summaryOf = (groups: FieldGroup[]) => errorSummary(groups.flatMap((g) => g.fields));

/** The partner portal's pages share their texts and frame: layout, menu, notices and the sign-out form. */
@Injectable()
export class PortalPages {
  readonly texts = new PageTexts<PortalMessages>([
    'layout',
    'partnerNav',
    'partnerPortal',
    'signin',
    'catalogue',
  ]);
  private readonly templates = new Map<string, Handlebars.TemplateDelegate>();

  /** Languages to pick a page's language from: the programme's first. */
  languagesFor(programme: ProgrammeEntity): string[] {
    return this.texts.languagesFor(programme);
  }

  t(language: string): PortalTexts {
    return this.texts.in(language).partnerPortal;
  }

  /** Renders `file` with the layout and, for signed-in pages (`section`), the partner menu. */
  render(
    file: string,
    frame: PortalFrame,
    page: {
      path: string;
      params?: Record<string, string>;
      title: string;
      section: PartnerSection | null;
      scripts?: string[];
    },
    data: object,
  ): string {
    let template = this.templates.get(file);
    if (!template) this.templates.set(file, (template = portalTemplate(file)));
    const lang = this.texts.speaks(frame.language);
    const messages = this.texts.in(lang);
    return template({
      layout: layoutView(this.texts, frame.programme, {
        language: lang,
        path: page.path,
        params: page.params ?? {},
        title: page.title,
        current: 'partner',
        scripts: page.scripts,
        stylesheets: [PORTAL_STYLESHEET],
      }),
      t: messages.partnerPortal,
      language: lang,
      csrf: frame.csrf,
      signOut: messages.signin.signOut,
      signedIn: page.section !== null,
      ...partnerNav(messages, lang, frame.role, page.section),
      ...data,
    });
  }
}
