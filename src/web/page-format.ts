/** A message's `{name}` placeholders filled in; an unknown name stays as it is, so a typo shows. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

/** A message in its plural forms by CLDR category (`one`, `few`, `many`, …); `other` is always there. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The form of `forms` for the number `n` in `language`, with `{n}` filled in as that language writes it. */
export function plural(forms: PluralForms, n: number, language: string): string {
  const form = forms[new Intl.PluralRules(language).select(n)] ?? forms.other;
  return fill(form, { n: new Intl.NumberFormat(language).format(n) });
}

/** A distance as `language` writes it: tens of metres below 1 km, one decimal below 10 km, whole km above. */
export function distance(metres: number, language: string): string {
  const unit = (value: number, name: string, digits = 0) =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, maximumFractionDigits: digits }).format(
      value,
    );
  if (metres < 995) return unit(Math.round(metres / 10) * 10, 'meter');
  return metres < 9950 ? unit(metres / 1000, 'kilometer', 1) : unit(metres / 1000, 'kilometer');
}

/** A calendar day in the programme's time zone, as `language` writes it. */
export const longDate = (date: Date, language: string, timeZone: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone }).format(date);
