import { textIn } from '../../common/language';
import type { CategoryEntity } from '../../partners/categories/category.entity';
import { taxNumberFormat } from '../../partners/tax-number/tax-number-formats';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import { fill } from '../page-format';
import { Choice, FieldSpec, fieldViews, FormErrors } from './portal-fields';
import type { FieldGroup, PortalTexts } from './portal-page';
import { descriptionField } from './portal-partner-form';

/** A language's name in the page's language ("Polish", "polski"). */
export function languageName(code: string, pageLanguage: string): string {
  try {
    return new Intl.DisplayNames([pageLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function categoryChoices(
  categories: CategoryEntity[],
  programme: ProgrammeEntity,
  language: string,
  t: PortalTexts,
  blank: boolean,
): Choice[] {
  return [
    ...(blank ? [{ value: '', label: t.chooseCategory, selected: false }] : []),
    ...categories.map((c) => ({
      value: c.slug,
      label: textIn(c.names, language, programme.languages) ?? c.slug,
      selected: false,
    })),
  ];
}

const descriptionSpecs = (programme: ProgrammeEntity, language: string, t: PortalTexts): FieldSpec[] =>
  programme.languages.map((code, i) => ({
    name: descriptionField(code),
    label: fill(t.descriptionIn, { language: languageName(code, language) }),
    hint: i === 0 ? t.descriptionHint : t.optionalTranslation,
    control: 'textarea',
    lang: code === language ? null : code,
  }));

/** The registration form's groups: the business, its contact, the owner's account, the agreement. */
export function registerGroups(
  programme: ProgrammeEntity,
  categories: CategoryEntity[],
  language: string,
  t: PortalTexts,
  values: Record<string, string>,
  errors: FormErrors,
): FieldGroup[] {
  const format = taxNumberFormat(programme.taxNumberFormat);
  const views = (specs: FieldSpec[]) => fieldViews(specs, values, errors, t.errors as never);
  return [
    {
      id: 'business',
      title: t.businessGroup,
      intro: null,
      fields: views([
        { name: 'name', label: t.name, autocomplete: 'organization' },
        {
          name: 'taxNumber',
          label: t.taxNumber,
          hint: fill(t.taxNumberHint, { format: format?.label ?? programme.taxNumberFormat }),
        },
        {
          name: 'category',
          label: t.category,
          control: 'select',
          options: categoryChoices(categories, programme, language, t, true),
        },
        ...descriptionSpecs(programme, language, t),
        { name: 'website', label: t.website, hint: t.websiteHint, type: 'url', autocomplete: 'url' },
      ]),
    },
    contactGroup(t, views),
    {
      id: 'owner',
      title: t.ownerGroup,
      intro: t.ownerIntro,
      fields: views([
        { name: 'ownerName', label: t.ownerName, autocomplete: 'name' },
        { name: 'ownerEmail', label: t.ownerEmail, type: 'email', autocomplete: 'email' },
        {
          name: 'password',
          label: t.password,
          hint: t.passwordHint,
          type: 'password',
          autocomplete: 'new-password',
        },
      ]),
    },
    {
      id: 'agreement',
      title: t.agreementGroup,
      intro: fill(t.agreementIntro, { version: programme.partnerAgreementVersion }),
      fields: views([
        {
          name: 'acceptAgreement',
          label: fill(t.acceptAgreement, { version: programme.partnerAgreementVersion }),
          control: 'checkbox',
        },
      ]),
    },
  ];
}

const contactGroup = (t: PortalTexts, views: (specs: FieldSpec[]) => FieldGroup['fields']): FieldGroup => ({
  id: 'contact',
  title: t.contactGroup,
  intro: t.contactIntro,
  fields: views([
    { name: 'contactName', label: t.contactName, autocomplete: 'name' },
    { name: 'contactEmail', label: t.contactEmail, type: 'email', autocomplete: 'email' },
    {
      name: 'contactPhone',
      label: t.contactPhone,
      hint: t.contactPhoneHint,
      type: 'tel',
      autocomplete: 'tel',
    },
  ]),
});

/** The owner's profile form: the business and its contact (the tax number only staff change). */
export function profileGroups(
  programme: ProgrammeEntity,
  categories: CategoryEntity[],
  language: string,
  t: PortalTexts,
  values: Record<string, string>,
  errors: FormErrors,
  readOnly: boolean,
): FieldGroup[] {
  const views = (specs: FieldSpec[]) => fieldViews(specs, values, errors, t.errors as never, readOnly);
  return [
    {
      id: 'business',
      title: t.businessGroup,
      intro: null,
      fields: views([
        { name: 'name', label: t.name, autocomplete: 'organization' },
        {
          name: 'category',
          label: t.category,
          control: 'select',
          options: categoryChoices(categories, programme, language, t, false),
        },
        ...descriptionSpecs(programme, language, t),
        { name: 'website', label: t.website, hint: t.websiteHint, type: 'url', autocomplete: 'url' },
      ]),
    },
    contactGroup(t, views),
  ];
}
