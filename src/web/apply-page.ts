import { Injectable } from '@nestjs/common';
import type Handlebars from 'handlebars';
import type { ApplicationEntity } from '../applications/application.entity';
import { DOCUMENT_KINDS, DocumentEntity } from '../applications/document.entity';
import type { ApplicationDetailDto } from '../applications/dto/application.dto';
import { MEMBER_ROLES } from '../programmes/eligibility/eligibility.types';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { ADDRESS_FIELDS, AddressField, Errors, MAX_PEOPLE, PersonRow, STATEMENT_FIELDS } from './apply-forms';
import type { SavedPerson } from './apply-wizard.service';
import { fill } from './page-format';
import { formView } from './page-forms';
import { PageTexts, pageTemplate } from './page-texts';
import { layoutView, LayoutMessages, siteHref } from './site-layout';

export const APPLY_STEPS = ['members', 'statements', 'documents', 'review'] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];
export const stepPath = (step: ApplyStep): string => `/apply/${step}`;

type Texts = Record<string, string> & {
  steps: Record<ApplyStep, string>;
  roles: Record<string, string>;
  kinds: Record<string, string>;
};

/** The wizard's texts: `apply` in templates/web/messages/<language>.json, with `layout` and `signin` (sign out). */
export interface ApplyMessages extends LayoutMessages {
  apply: Texts;
  signin: Record<string, string>;
}

/** What every step shows around its form. */
export interface StepContext {
  programme: ProgrammeEntity;
  language: string;
  csrf: string;
  app: ApplicationEntity | null;
  saved: boolean;
  errors: Errors;
}

/** A row of the household form as shown: a saved person, one typed in, or an empty one to fill. */
export interface ShownRow extends PersonRow {
  /** The saved national ID, masked, for the hint "leave empty to keep". */
  kept: string | null;
}

/** The wizard at /apply/<step> (templates/web/apply-*.html.hbs). */
@Injectable()
export class ApplyPage {
  private readonly templates = Object.fromEntries(
    APPLY_STEPS.map((step) => [step, pageTemplate(`apply-${step}.html.hbs`)]),
  ) as Record<ApplyStep, Handlebars.TemplateDelegate>;
  readonly texts = new PageTexts<ApplyMessages>(['layout', 'apply', 'signin']);

  members(c: StepContext, address: Partial<Record<AddressField, string>>, rows: ShownRow[]): string {
    const t = this.t(c.language);
    const shown = [...rows];
    for (let blank = rows.length ? 1 : 2; blank > 0 && shown.length < MAX_PEOPLE; blank--)
      shown.push(emptyRow(shown.length ? Math.max(...shown.map((r) => r.index)) + 1 : 0));
    const ids = [
      ...ADDRESS_FIELDS,
      ...shown.flatMap((r) =>
        ['firstName', 'lastName', 'birthDate', 'role', 'nationalId'].map((f) => `${f}-${r.index}`),
      ),
    ];
    const values: Record<string, string> = { ...address };
    const hints: Record<string, boolean> = {};
    for (const r of shown) {
      for (const f of ['firstName', 'lastName', 'birthDate', 'role', 'nationalId'] as const)
        values[`${f}-${r.index}`] = r[f];
      hints[`birthDate-${r.index}`] = true;
      hints[`nationalId-${r.index}`] = r.kept !== null;
    }
    const form = formView(ids, values, c.errors, t, hints);
    return this.render('members', c, {
      form,
      address: ADDRESS_FIELDS.map((name) => ({
        name,
        label: t[name],
        type: name === 'phone' ? 'tel' : 'text',
        autocomplete: {
          street: 'street-address',
          postalCode: 'postal-code',
          city: 'address-level2',
          phone: 'tel',
        }[name],
        field: form.fields[name],
      })),
      people: shown.map((r, n) => {
        const at = (f: string) => ({ id: `${f}-${r.index}`, field: form.fields[`${f}-${r.index}`] });
        return {
          title: fill(t.person, { n: n + 1 }),
          key: r.key,
          keyName: `key-${r.index}`,
          firstName: at('firstName'),
          lastName: at('lastName'),
          birthDate: at('birthDate'),
          role: at('role'),
          nationalId: at('nationalId'),
          kept: r.kept ? fill(t.nationalIdKept, { masked: r.kept }) : '',
          roles: MEMBER_ROLES.map((value) => ({ value, label: t.roles[value], selected: value === r.role })),
        };
      }),
      canAdd: shown.length < MAX_PEOPLE,
    });
  }

  statements(c: StepContext, people: SavedPerson[], values: Record<string, string>[]): string {
    const t = this.t(c.language);
    const ids = people.flatMap((_, i) => STATEMENT_FIELDS.map((f) => `${f}-${i}`));
    const flat: Record<string, string> = {};
    values.forEach((v, i) => STATEMENT_FIELDS.forEach((f) => (flat[`${f}-${i}`] = v[f] ?? '')));
    const form = formView(ids, flat, c.errors, t);
    return this.render('statements', c, {
      form,
      people: people.map((p, i) => ({
        name: `${p.input.firstName} ${p.input.lastName}`,
        fields: STATEMENT_FIELDS.map((f) => ({
          name: `${f}-${i}`,
          label: t[f],
          type: f === 'educationInstitution' ? 'text' : 'date',
          field: form.fields[`${f}-${i}`],
        })),
      })),
    });
  }

  documents(c: StepContext, documents: DocumentEntity[], kind = ''): string {
    const t = this.t(c.language);
    const form = formView(['kind', 'file'], { kind, file: '' }, c.errors, t);
    return this.render('documents', c, {
      form,
      documents: documents.map((d) => ({ kind: t.kinds[d.kind] ?? d.kind, fileName: d.fileName })),
      kinds: DOCUMENT_KINDS.map((value) => ({ value, label: t.kinds[value], selected: value === kind })),
      reviewHref: siteHref(stepPath('review'), { lang: this.texts.speaks(c.language) }),
    });
  }

  review(c: StepContext, detail: ApplicationDetailDto, documents: DocumentEntity[]): string {
    const t = this.t(c.language);
    const lang = this.texts.speaks(c.language);
    return this.render('review', c, {
      form: formView(['submit'], {}, c.errors, t),
      qualifies: detail.eligibility?.qualifies ?? false,
      reasons: (detail.eligibility?.reasons ?? [])
        .filter((r) => r.code !== 'enough_qualifying_children')
        .map((r) =>
          r.code === 'too_few_children'
            ? fill(t.tooFewChildren, {
                n: detail.eligibility!.qualifyingChildren.length,
                min: c.programme.minChildren,
              })
            : r.code === 'residency_not_met'
              ? t.residencyNotMet
              : r.message,
        ),
      people: detail.members.map((m) => ({
        name: `${m.firstName} ${m.lastName}`,
        birthDate: m.birthDate,
        role: t.roles[m.role] ?? m.role,
      })),
      address: [detail.street, `${detail.postalCode ?? ''} ${detail.city ?? ''}`.trim()]
        .filter(Boolean)
        .join(', '),
      documents: documents.map((d) => ({ kind: t.kinds[d.kind] ?? d.kind, fileName: d.fileName })),
      changeHref: Object.fromEntries(APPLY_STEPS.map((s) => [s, siteHref(stepPath(s), { lang })])),
    });
  }

  private t(language: string): Texts {
    return this.texts.in(this.texts.speaks(language)).apply;
  }

  private render(step: ApplyStep, c: StepContext, view: object): string {
    const lang = this.texts.speaks(c.language);
    const t = this.texts.in(lang).apply;
    const position = APPLY_STEPS.indexOf(step);
    return this.templates[step]({
      layout: layoutView(this.texts, c.programme, {
        language: lang,
        path: stepPath(step),
        params: {},
        title: `${t.steps[step]} – ${t.title}`,
        current: null,
      }),
      t,
      signOut: this.texts.in(lang).signin.signOut,
      language: lang,
      csrf: c.csrf,
      saved: c.saved,
      heading: t.steps[step],
      stepOf: fill(t.stepOf, { n: position + 1, total: APPLY_STEPS.length }),
      // Later steps need the draft the first one creates.
      steps: APPLY_STEPS.map((s, i) => ({
        label: t.steps[s],
        href: c.app || i === 0 ? siteHref(stepPath(s), { lang }) : null,
        current: s === step,
      })),
      ...view,
    });
  }
}

const emptyRow = (index: number): ShownRow => ({
  index,
  key: '',
  firstName: '',
  lastName: '',
  birthDate: '',
  role: '',
  nationalId: '',
  kept: null,
});
