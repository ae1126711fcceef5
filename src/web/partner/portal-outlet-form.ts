import type { FieldError } from '../../common/problem/problem';
import { OutletInputDto } from '../../partners/dto/outlet.dto';
import { parseDecimal } from '../../partners/import/partner-values';
import { OpeningHours, WEEKDAYS, Weekday } from '../../partners/opening-hours';
import type { OutletEntity, OutletKind } from '../../partners/outlet.entity';
import { field } from '../page-forms';
import { dtoProblems, FormErrors, optional, placeProblems } from './portal-fields';

/*
 * The outlet form (/partner/outlets/new, /partner/outlets/{id}): a place's address, coordinates and opening
 * hours (one field per weekday, "09:00-17:00" or "09:00-13:00, 14:00-18:00", blank: closed), or an online
 * shop's address and discount code. Read into the API's OutletInputDto and checked by it and OutletsService.
 */

export const OUTLET_KINDS: OutletKind[] = ['place', 'online'];
const TEXT_FIELDS = ['name', 'street', 'postalCode', 'city', 'latitude', 'longitude', 'url', 'discountCode'];
export const hoursField = (day: Weekday) => `hours-${day}`;
const HOURS = /^([0-2]?\d)[:.]([0-5]\d)\s*-\s*([0-2]?\d)[:.]([0-5]\d)$/;

export function readOutletForm(body: unknown): Record<string, string> {
  const values: Record<string, string> = { kind: field(body, 'kind') };
  for (const name of [...TEXT_FIELDS, ...WEEKDAYS.map(hoursField)]) values[name] = field(body, name).trim();
  return values;
}

export function outletFormValues(o: OutletEntity): Record<string, string> {
  const text = (v: string | number | null) => (v === null ? '' : String(v));
  return {
    kind: o.kind,
    name: o.name,
    street: text(o.street),
    postalCode: text(o.postalCode),
    city: text(o.city),
    latitude: text(o.latitude),
    longitude: text(o.longitude),
    url: text(o.url),
    discountCode: text(o.discountCode),
    ...Object.fromEntries(
      WEEKDAYS.map((d) => [
        hoursField(d),
        (o.openingHours?.[d] ?? []).map(([a, b]) => `${a}-${b}`).join(', '),
      ]),
    ),
  };
}

const pad = (hour: string) => hour.padStart(2, '0');

/** One day's hours: blank is closed; null when they cannot be read. */
function dayHours(text: string): Array<[string, string]> | null {
  if (!text) return [];
  const intervals: Array<[string, string]> = [];
  for (const part of text.replace(/[\u2010-\u2015\u2212]/g, '-').split(/[,;]/)) {
    const m = HOURS.exec(part.trim());
    if (!m) return null;
    intervals.push([`${pad(m[1])}:${m[2]}`, `${pad(m[3])}:${m[4]}`]);
  }
  return intervals;
}

const number = (text: string): number | string | undefined => {
  if (!text) return undefined;
  const parsed = parseDecimal(text);
  return parsed.ok ? parsed.value : text;
};

/**
 * The body of POST /api/v1/partners/{id}/outlets, with the form's own spelling problems (hours it cannot
 * read); `kind` is the stored one for an edit.
 */
export function outletBody(
  values: Record<string, string>,
  kind: string,
): { body: Record<string, unknown>; errors: FormErrors } {
  const errors: FormErrors = {};
  const body: Record<string, unknown> = { kind, name: values.name };
  if (kind === 'online') {
    body.url = values.url;
    body.discountCode = optional(values.discountCode) ?? null;
    return { body, errors };
  }
  const hours: OpeningHours = {};
  for (const day of WEEKDAYS) {
    const intervals = dayHours(values[hoursField(day)]);
    if (intervals === null) errors[hoursField(day)] = 'hours';
    else if (intervals.length) hours[day] = intervals;
  }
  Object.assign(body, {
    street: values.street,
    postalCode: values.postalCode,
    city: values.city,
    latitude: number(values.latitude),
    longitude: number(values.longitude),
    openingHours: Object.keys(hours).length ? hours : null,
  });
  return { body, errors };
}

/** The DTO's and the form's problems together: nothing is sent to the service unless there are none. */
export function outletFormErrors(values: Record<string, string>, kind: string) {
  const { body, errors } = outletBody(values, kind);
  const found = placeOutletProblems(dtoProblems(OutletInputDto, body));
  return { body, errors: { ...found, ...errors } };
}

/** The API's outlet problems at the form's fields; the opening hours' at the day they name. */
export function placeOutletProblems(problems: FieldError[], status = 400): FormErrors {
  return placeProblems(
    problems,
    (path, message) => {
      if (path === 'openingHours') {
        const day = /openingHours\.([a-z]{3})/.exec(message)?.[1] as Weekday | undefined;
        return [hoursField(day && WEEKDAYS.includes(day) ? day : 'mon'), 'hours'];
      }
      if (path === 'ref' || path === 'name') return ['name', status === 409 ? 'nameTaken' : 'outletName'];
      if (path === 'kind') return ['kind', 'kind'];
      const name = path.split(/[.[]/)[0];
      return TEXT_FIELDS.includes(name) ? [name, name] : null;
    },
    ['name', 'outletName'],
  );
}
