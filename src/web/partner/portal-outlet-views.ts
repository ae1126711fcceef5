import { WEEKDAYS } from '../../partners/opening-hours';
import type { OutletKind } from '../../partners/outlet.entity';
import { FieldSpec, fieldViews, FormErrors } from './portal-fields';
import type { FieldGroup, PortalTexts } from './portal-page';
import { hoursField, OUTLET_KINDS } from './portal-outlet-form';

/**
 * The outlet form's groups. A new outlet shows both a place's and an online shop's fields (the kind decides which
 * count); a stored one only its kind's, and its kind cannot change.
 */
export function outletGroups(
  t: PortalTexts,
  values: Record<string, string>,
  errors: FormErrors,
  kind: OutletKind | null,
  readOnly: boolean,
): FieldGroup[] {
  const views = (specs: FieldSpec[], fixed = false) =>
    fieldViews(specs, values, errors, t.errors as never, readOnly || fixed);
  const place = kind !== 'online';
  const online = kind !== 'place';
  const groups: FieldGroup[] = [
    {
      id: 'outlet',
      title: t.outletGroup,
      intro: null,
      fields: [
        ...views(
          [
            {
              name: 'kind',
              label: t.kind,
              hint: kind ? t.kindFixed : null,
              control: 'radios',
              options: OUTLET_KINDS.map((k) => ({ value: k, label: t.kinds[k], selected: false })),
            },
          ],
          kind !== null,
        ),
        ...views([{ name: 'name', label: t.outletNameLabel, hint: t.outletNameHint }]),
      ],
    },
  ];
  if (place)
    groups.push(
      {
        id: 'address',
        title: t.addressGroup,
        intro: kind ? null : t.addressIntro,
        fields: views([
          { name: 'street', label: t.street, autocomplete: 'street-address' },
          { name: 'postalCode', label: t.postalCode, autocomplete: 'postal-code' },
          { name: 'city', label: t.city, autocomplete: 'address-level2' },
          { name: 'latitude', label: t.latitude, hint: t.coordinatesHint, inputmode: 'decimal' },
          { name: 'longitude', label: t.longitude, inputmode: 'decimal' },
        ]),
      },
      {
        id: 'hours',
        title: t.hoursGroup,
        intro: t.hoursIntro,
        fields: views(WEEKDAYS.map((day) => ({ name: hoursField(day), label: t.weekdays[day] }))),
      },
    );
  if (online)
    groups.push({
      id: 'online',
      title: t.onlineGroup,
      intro: kind ? null : t.onlineIntro,
      fields: views([
        { name: 'url', label: t.url, hint: t.urlHint, type: 'url', autocomplete: 'url' },
        { name: 'discountCode', label: t.discountCode, hint: t.discountCodeHint },
      ]),
    });
  return groups;
}
