import { Injectable } from '@nestjs/common';
import { textIn } from '../common/language';
import type { CategoryEntity } from '../partners/categories/category.entity';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { fill, plural, PluralForms } from './page-format';
import { PageTexts, pageTemplate } from './page-texts';
import { layoutView, LayoutMessages, siteHref } from './site-layout';

/** Where families apply (the wizard of apply-page.controller.ts; signed out, the sign-in page first). */
export const APPLY_PATH = '/apply';

/** The landing page's texts: `landing` in templates/web/messages/<language>.json, with `layout`. */
export interface LandingMessages extends LayoutMessages {
  landing: Record<string, string> &
    Record<
      'whoChildren' | 'whoChildAge' | 'whoEducationSeptember' | 'whoEducationEnd' | 'whoFormer' | 'step3',
      PluralForms
    >;
}

/** Who qualifies, in the programme's own numbers: one sentence per rule that applies. */
export function eligibilityFacts(
  p: ProgrammeEntity,
  t: LandingMessages['landing'],
  language: string,
): string[] {
  const education = p.educationEndRule === 'september30After' ? t.whoEducationSeptember : t.whoEducationEnd;
  return [
    plural(t.whoChildren, p.minChildren, language),
    plural(t.whoChildAge, p.childAgeLimit, language),
    plural(education, p.educationAgeLimit, language),
    t.whoDisability,
    t.whoFoster,
    t.whoCards,
    p.parentValidity === 'lifetime' ? t.whoParentsLifetime : t.whoParentsWhileQualifies,
    ...(p.formerLargeFamilyParentsQualify ? [plural(t.whoFormer, p.minChildren, language)] : []),
    ...(p.residency.kind !== 'none' ? [t.whoResidency] : []),
  ];
}

/** The landing page at / (templates/web/landing.html.hbs): the programme, who qualifies, how to apply, offers. */
@Injectable()
export class LandingPage {
  private readonly template = pageTemplate('landing.html.hbs');
  readonly texts = new PageTexts<LandingMessages>(['layout', 'landing']);

  render(programme: ProgrammeEntity, language: string, categories: CategoryEntity[]): string {
    const lang = this.texts.speaks(language);
    const t = this.texts.in(lang).landing;
    return this.template({
      layout: layoutView(this.texts, programme, {
        language: lang,
        path: '/',
        params: {},
        title: t.title,
        current: 'home',
      }),
      t,
      language: lang,
      lead: fill(t.lead, { programme: programme.name }),
      facts: eligibilityFacts(programme, t, lang),
      step3: plural(t.step3, programme.decisionDeadlineDays, lang),
      applyHref: siteHref(APPLY_PATH, { lang }),
      walletHref: siteHref('/family/wallet', { lang }),
      catalogueHref: siteHref('/catalogue', { lang }),
      categories: categories.map((c) => ({
        name: textIn(c.names, lang, programme.languages) ?? c.slug,
        href: siteHref('/catalogue', { category: c.slug, lang }),
      })),
    });
  }
}
