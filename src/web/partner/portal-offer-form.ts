import type { FieldError } from '../../common/problem/problem';
import { CreateOfferDto } from '../../offers/dto/offer-input.dto';
import {
  AUDIENCE_KINDS,
  BENEFIT_TYPES,
  minorUnitDigits,
  OfferAudience,
  OfferBenefit,
} from '../../offers/offer-benefit';
import { OfferInput, offerInputProblems } from '../../offers/offer-input';
import { LIMIT_FIELDS, OfferLimits } from '../../offers/offer-limits';
import { OfferSchedule, SCHEDULE_KINDS } from '../../offers/offer-schedule';
import type { OfferEntity, OfferText } from '../../offers/offer.entity';
import { parseDecimal, parseMoney } from '../../partners/import/partner-values';
import { field } from '../page-forms';
import { dtoProblems, FormErrors, placeProblems } from './portal-fields';

/*
 * The offer editor's form: flat fields (a title, description and terms per programme language, the benefit,
 * the schedule, the audience, limits and outlets) read into the API's CreateOfferDto, checked by the DTO class
 * and by the offers' own pure checks (offerInputProblems) before anything is saved or previewed.
 */

export const textField = (part: keyof OfferText, language: string) => `${part}-${language}`;
export const BENEFIT_VALUE_FIELDS = {
  percent: 'percent',
  amount_off: 'amount',
  special_price: 'price',
} as const;
export const SCHEDULE_FIELDS = [
  'startsOn',
  'endsOn',
  'fromMonthDay',
  'toMonthDay',
  'startsAt',
  'endsAt',
] as const;
const SINGLE_FIELDS = [
  'benefitType',
  'percent',
  'amount',
  'price',
  'scheduleKind',
  ...SCHEDULE_FIELDS,
  'audienceKind',
  'minAge',
  'maxAge',
  'minFamilySize',
  ...LIMIT_FIELDS,
];

/** The editor's fields as typed, and the outlets ticked. */
export interface OfferForm {
  values: Record<string, string>;
  outlets: string[];
}

const strings = (body: unknown, name: string): string[] => {
  const value =
    body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return (Array.isArray(value) ? value : [value]).filter(
    (v): v is string => typeof v === 'string' && v !== '',
  );
};

export function readOfferForm(body: unknown, languages: string[]): OfferForm {
  const values: Record<string, string> = {};
  for (const name of SINGLE_FIELDS) values[name] = field(body, name).trim();
  for (const language of languages)
    for (const part of ['title', 'description', 'terms'] as const)
      values[textField(part, language)] = field(body, textField(part, language)).trim();
  return { values, outlets: strings(body, 'outlets').slice(0, 500) };
}

/** A blank new offer: 10 % off everyone, permanent, at every outlet the partner has. */
export function newOfferForm(outletIds: string[]): OfferForm {
  return {
    values: { benefitType: 'percent', scheduleKind: 'permanent', audienceKind: 'all' },
    outlets: outletIds,
  };
}

const money = (minor: number, currency: string) => {
  const digits = minorUnitDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
};

/** The form as it starts for a stored offer. */
export function offerFormValues(
  offer: OfferEntity,
  outletIds: string[],
  languages: string[],
  currency: string,
  timeZone: string,
): OfferForm {
  const values: Record<string, string> = {};
  for (const language of languages)
    for (const part of ['title', 'description', 'terms'] as const)
      values[textField(part, language)] = offer.texts[language]?.[part] ?? '';
  const b = offer.benefit;
  values.benefitType = b.type;
  if (b.type === 'percent') values.percent = String(b.percent);
  if (b.type === 'amount_off') values.amount = money(b.amount, currency);
  if (b.type === 'special_price') values.price = money(b.price, currency);
  const s = offer.schedule;
  values.scheduleKind = s.kind;
  if (s.kind === 'temporary') Object.assign(values, { startsOn: s.startsOn, endsOn: s.endsOn });
  if (s.kind === 'seasonal')
    Object.assign(values, { fromMonthDay: s.fromMonthDay, toMonthDay: s.toMonthDay });
  if (s.kind === 'occasional')
    Object.assign(values, {
      startsAt: localTime(new Date(s.startsAt), timeZone),
      endsAt: localTime(new Date(s.endsAt), timeZone),
    });
  const a = offer.audience;
  values.audienceKind = a.kind;
  if (a.kind === 'age_range') {
    values.minAge = a.minAge == null ? '' : String(a.minAge);
    values.maxAge = a.maxAge == null ? '' : String(a.maxAge);
  }
  values.minFamilySize = offer.minFamilySize === null ? '' : String(offer.minFamilySize);
  for (const name of LIMIT_FIELDS)
    values[name] = offer.limits[name] === undefined ? '' : String(offer.limits[name]);
  return { values, outlets: outletIds };
}

/** What the form says, as the API's offer body, with the problems of its spelling (a number it cannot read). */
export interface ReadOffer {
  body: CreateOfferDto;
  errors: FormErrors;
}

export function offerBody(
  { values, outlets }: OfferForm,
  languages: string[],
  currency: string,
  timeZone: string,
): ReadOffer {
  const errors: FormErrors = {};
  const whole = (name: string, key = name): number | undefined => {
    if (!values[name]) return undefined;
    if (/^\d{1,6}$/.test(values[name])) return Number(values[name]);
    errors[name] = key;
    return undefined;
  };
  const texts: Record<string, OfferText> = {};
  for (const language of languages) {
    const [title, description, terms] = (['title', 'description', 'terms'] as const).map(
      (part) => values[textField(part, language)],
    );
    // The first language is always sent, so a missing title is named; others only when written.
    if (title || description || terms || language === languages[0])
      texts[language] = {
        title: title ?? '',
        ...(description ? { description } : {}),
        ...(terms ? { terms } : {}),
      };
  }
  const type = values.benefitType as OfferBenefit['type'];
  let benefit = { type } as OfferBenefit;
  if (type === 'percent') {
    const parsed = parseDecimal(values.percent ?? '', '20');
    if (parsed.ok) benefit = { type, percent: parsed.value };
    else errors.percent = 'percent';
  } else if (type === 'amount_off' || type === 'special_price') {
    const name = BENEFIT_VALUE_FIELDS[type];
    const parsed = parseMoney(values[name] ?? '', currency);
    if (!parsed.ok) errors[name] = name;
    else benefit = type === 'amount_off' ? { type, amount: parsed.value } : { type, price: parsed.value };
  } else if (!(BENEFIT_TYPES as readonly string[]).includes(type)) errors.benefitType = 'benefitType';

  const kind = values.scheduleKind as OfferSchedule['kind'];
  let schedule = { kind } as OfferSchedule;
  if (kind === 'temporary') schedule = { kind, startsOn: values.startsOn ?? '', endsOn: values.endsOn ?? '' };
  else if (kind === 'seasonal')
    schedule = { kind, fromMonthDay: values.fromMonthDay ?? '', toMonthDay: values.toMonthDay ?? '' };
  else if (kind === 'occasional') {
    const [startsAt, endsAt] = (['startsAt', 'endsAt'] as const).map((name) => {
      const instant = instantOf(values[name] ?? '', timeZone);
      if (instant === null) errors[name] = 'occasional';
      return instant ?? '';
    });
    schedule = { kind, startsAt, endsAt };
  } else if (!(SCHEDULE_KINDS as readonly string[]).includes(kind)) errors.scheduleKind = 'scheduleKind';

  const audienceKind = values.audienceKind as OfferAudience['kind'];
  let audience = { kind: audienceKind } as OfferAudience;
  if (audienceKind === 'age_range') {
    const [minAge, maxAge] = [whole('minAge', 'ageRange'), whole('maxAge', 'ageRange')];
    audience = {
      kind: audienceKind,
      ...(minAge === undefined ? {} : { minAge }),
      ...(maxAge === undefined ? {} : { maxAge }),
    };
  } else if (!(AUDIENCE_KINDS as readonly string[]).includes(audienceKind))
    errors.audienceKind = 'audienceKind';

  const limits: OfferLimits = {};
  for (const name of LIMIT_FIELDS) {
    const n = whole(name, 'limits');
    if (n !== undefined) limits[name] = n;
  }
  const body: CreateOfferDto = {
    texts,
    benefit,
    schedule,
    audience,
    minFamilySize: whole('minFamilySize') ?? null,
    limits,
    outletIds: outlets,
  };
  return { body, errors };
}

/**
 * Everything wrong with the form before it goes to the service (which checks all of it again): its spelling,
 * the DTO class's checks and the offers' pure checks of texts, benefit, schedule, audience and limits.
 */
export function offerFormErrors(read: ReadOffer, languages: string[]): FormErrors {
  const { body } = read;
  const input: OfferInput = {
    texts: body.texts,
    benefit: body.benefit,
    schedule: body.schedule,
    audience: body.audience ?? { kind: 'all' },
    minFamilySize: body.minFamilySize ?? null,
    limits: body.limits ?? {},
  };
  const found = placeOfferProblems(
    [...dtoProblems(CreateOfferDto, body), ...offerInputProblems(input, languages)],
    body,
    languages,
  );
  return { ...found, ...read.errors };
}

/** The API's offer problems at the editor's fields. */
export function placeOfferProblems(
  problems: FieldError[],
  body: CreateOfferDto,
  languages: string[],
): FormErrors {
  const first = textField('title', languages[0]);
  return placeProblems(
    problems,
    (path, message) => {
      const [head, language, part] = path.split('.');
      if (head === 'texts') {
        const lang = languages.includes(language) ? language : languages[0];
        if (part === 'description') return [textField(part, lang), 'offerDescription'];
        if (part === 'terms') return [textField(part, lang), 'terms'];
        return [textField('title', lang), 'title'];
      }
      if (head === 'benefit') {
        const name = BENEFIT_VALUE_FIELDS[body.benefit?.type as keyof typeof BENEFIT_VALUE_FIELDS];
        return name ? [name, name] : ['benefitType', 'benefitType'];
      }
      if (head === 'schedule') {
        const at = { temporary: 'startsOn', seasonal: 'fromMonthDay', occasional: 'startsAt' } as const;
        const kind = body.schedule?.kind as keyof typeof at;
        return at[kind] ? [at[kind], kind] : ['scheduleKind', 'scheduleKind'];
      }
      if (head === 'audience')
        return body.audience?.kind === 'age_range'
          ? ['minAge', 'ageRange']
          : ['audienceKind', 'audienceKind'];
      if (head === 'limits') {
        const named = LIMIT_FIELDS.find((f) => message.includes(`limits.${f}`));
        return [named ?? LIMIT_FIELDS[0], 'limits'];
      }
      if (head === 'minFamilySize') return ['minFamilySize', 'minFamilySize'];
      if (head.startsWith('outletIds')) return ['outlets', 'outlets'];
      if (head === 'ref') return [first, 'refTaken'];
      return null;
    },
    [first, 'title'],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// An occasional offer's instants, typed as local times (datetime-local) in the programme's time zone.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The UTC offset of `timeZone` at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(
    +parts.year,
    +parts.month - 1,
    +parts.day,
    +parts.hour,
    +parts.minute,
    +parts.second,
  );
  return local - Math.floor(instant / 1000) * 1000;
}

/** "2026-06-01T18:00" in `timeZone` as an ISO instant; null when it is not such a time. */
export function instantOf(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 16) !== local) return null;
  // The offset at the guess, then again at the result: right on both sides of a daylight-saving change.
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** An instant as "2026-06-01T18:00" in `timeZone`, for a datetime-local field. */
export function localTime(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}
