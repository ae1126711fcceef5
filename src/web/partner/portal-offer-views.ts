import { LIMIT_FIELDS } from '../../offers/offer-limits';
import { AUDIENCE_KINDS, BENEFIT_TYPES } from '../../offers/offer-benefit';
import { OfferSchedule, SCHEDULE_KINDS } from '../../offers/offer-schedule';
import type { OutletEntity } from '../../partners/outlet.entity';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import { fill, longDate } from '../page-format';
import { FieldSpec, fieldViews, FormErrors } from './portal-fields';
import type { OfferForm } from './portal-offer-form';
import { textField } from './portal-offer-form';
import type { FieldGroup, PortalTexts } from './portal-page';
import { languageName } from './portal-partner-views';

const choices = (values: readonly string[], labels: Record<string, string>) =>
  values.map((value) => ({ value, label: labels[value], selected: false }));

/** The offer editor's groups: texts per language, the benefit, when, for whom, limits and where. */
export function offerGroups(
  t: PortalTexts,
  programme: ProgrammeEntity,
  language: string,
  outlets: OutletEntity[],
  form: OfferForm,
  errors: FormErrors,
  readOnly: boolean,
): FieldGroup[] {
  const values = { ...form.values, outlets: form.outlets };
  const views = (specs: FieldSpec[]) => fieldViews(specs, values, errors, t.errors as never, readOnly);
  const currency = programme.currency;
  return [
    ...programme.languages.map((code, i) => ({
      id: `texts-${code}`,
      title: fill(t.textsGroup, { language: languageName(code, language) }),
      intro: i === 0 ? t.textsFirst : t.textsOther,
      fields: views([
        { name: textField('title', code), label: t.title, lang: code === language ? null : code },
        {
          name: textField('description', code),
          label: t.offerDescription,
          control: 'textarea',
          lang: code === language ? null : code,
        },
        {
          name: textField('terms', code),
          label: t.terms,
          hint: t.termsHint,
          control: 'textarea',
          lang: code === language ? null : code,
        },
      ]),
    })),
    {
      id: 'benefit',
      title: t.benefitGroup,
      intro: null,
      fields: views([
        {
          name: 'benefitType',
          label: t.benefitType,
          control: 'radios',
          options: choices(BENEFIT_TYPES, t.benefitTypes),
        },
        { name: 'percent', label: t.percent, hint: t.percentHint, inputmode: 'decimal' },
        { name: 'amount', label: fill(t.amount, { currency }), hint: t.amountHint, inputmode: 'decimal' },
        { name: 'price', label: fill(t.price, { currency }), hint: t.priceHint, inputmode: 'decimal' },
      ]),
    },
    {
      id: 'schedule',
      title: t.scheduleGroup,
      intro: null,
      fields: views([
        {
          name: 'scheduleKind',
          label: t.scheduleKind,
          control: 'radios',
          options: choices(SCHEDULE_KINDS, t.scheduleKinds),
        },
        { name: 'startsOn', label: t.startsOn, hint: t.datesHint, type: 'date' },
        { name: 'endsOn', label: t.endsOn, type: 'date' },
        { name: 'fromMonthDay', label: t.fromMonthDay, hint: t.seasonHint },
        { name: 'toMonthDay', label: t.toMonthDay },
        {
          name: 'startsAt',
          label: t.startsAt,
          hint: fill(t.eventHint, { timeZone: programme.timeZone }),
          type: 'datetime-local',
        },
        { name: 'endsAt', label: t.endsAt, type: 'datetime-local' },
      ]),
    },
    {
      id: 'audience',
      title: t.audienceGroup,
      intro: null,
      fields: views([
        {
          name: 'audienceKind',
          label: t.audienceKind,
          control: 'radios',
          options: choices(AUDIENCE_KINDS, t.audienceKinds),
        },
        { name: 'minAge', label: t.minAge, hint: t.ageHint, inputmode: 'numeric' },
        { name: 'maxAge', label: t.maxAge, inputmode: 'numeric' },
        { name: 'minFamilySize', label: t.minFamilySize, hint: t.minFamilySizeHint, inputmode: 'numeric' },
      ]),
    },
    {
      id: 'limits',
      title: t.limitsGroup,
      intro: t.limitsIntro,
      fields: views(LIMIT_FIELDS.map((name) => ({ name, label: t.limits[name], inputmode: 'numeric' }))),
    },
    {
      id: 'where',
      title: t.outletsGroup,
      intro: outlets.length ? null : t.noOutletsYet,
      fields: outlets.length
        ? views([
            {
              name: 'outlets',
              label: t.outlets,
              control: 'checkboxes',
              options: outlets.map((o) => ({
                value: o.id,
                label: `${o.name} (${t.kinds[o.kind]})`,
                selected: false,
              })),
            },
          ])
        : [],
    },
  ];
}

/** When an offer runs, in words: "Permanent", "1 June 2026 to 31 August 2026", "Every year, 1 December to 24 December". */
export function scheduleText(s: OfferSchedule, t: PortalTexts, language: string, timeZone: string): string {
  const day = (iso: string) => longDate(new Date(`${iso}T12:00:00Z`), language, 'UTC');
  const monthDay = (md: string) =>
    new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`2000-${md}T12:00:00Z`),
    );
  const instant = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      new Date(iso),
    );
  try {
    switch (s.kind) {
      case 'temporary':
        return fill(t.schedules.temporary, { from: day(s.startsOn), to: day(s.endsOn) });
      case 'seasonal':
        return fill(t.schedules.seasonal, { from: monthDay(s.fromMonthDay), to: monthDay(s.toMonthDay) });
      case 'occasional':
        return fill(t.schedules.occasional, { from: instant(s.startsAt), to: instant(s.endsAt) });
      default:
        return t.schedules.permanent;
    }
  } catch {
    // A stored schedule is always well-formed; an imported oddity shows as its kind rather than failing the page.
    return t.scheduleKinds[s.kind] ?? s.kind;
  }
}
