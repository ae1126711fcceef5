import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { NATIONAL_ID_CODES } from '../../../families/national-id/national-id-formats';
import { TAX_NUMBER_CODES } from '../../../partners/tax-number/tax-number-formats';
import { UpdateProgrammeDto } from '../../../programmes/dto/programme.dto';
import type { ProgrammeEntity } from '../../../programmes/programme.entity';
import { flattenValidationErrors } from '../../../common/problem/validation-errors';
import type { FieldError } from '../../../common/problem/problem';
import { field } from '../../page-forms';

/*
 * The programme settings editor's form: every setting PATCH /api/v1/programmes/{id} takes, as text fields of a
 * page. Reading the form turns the text into the API's update; checking it is the API's own DTO validation, so
 * the page and the API accept exactly the same settings. Errors are message keys at the form's fields.
 */

export type SettingKind = 'text' | 'number' | 'select' | 'checkbox' | 'list' | 'colour';

export interface SettingField {
  name: string;
  kind: SettingKind;
  /** A select's values; `translated` when the page names them (else the values are shown as they are). */
  options?: readonly string[];
  translated?: boolean;
}

export const SETTING_GROUPS: { group: string; fields: SettingField[] }[] = [
  {
    group: 'general',
    fields: [
      { name: 'name', kind: 'text' },
      { name: 'languages', kind: 'list' },
      { name: 'timeZone', kind: 'text' },
      { name: 'currency', kind: 'text' },
    ],
  },
  {
    group: 'eligibility',
    fields: [
      { name: 'minChildren', kind: 'number' },
      { name: 'childAgeLimit', kind: 'number' },
      { name: 'educationAgeLimit', kind: 'number' },
      {
        name: 'educationEndRule',
        kind: 'select',
        options: ['september30After', 'endDate'],
        translated: true,
      },
      { name: 'formerLargeFamilyParentsQualify', kind: 'checkbox' },
      { name: 'nationalIdFormat', kind: 'select', options: NATIONAL_ID_CODES },
      {
        name: 'residencyKind',
        kind: 'select',
        options: ['none', 'postalCodePrefixes', 'municipalityCodes'],
        translated: true,
      },
      { name: 'residencyValues', kind: 'list' },
    ],
  },
  {
    group: 'validity',
    fields: [
      {
        name: 'parentValidity',
        kind: 'select',
        options: ['lifetime', 'whileFamilyQualifies'],
        translated: true,
      },
      { name: 'decisionDeadlineDays', kind: 'number' },
      { name: 'reminderLeadDays', kind: 'number' },
      { name: 'duplicateCardFee', kind: 'number' },
    ],
  },
  {
    group: 'partners',
    fields: [
      { name: 'taxNumberFormat', kind: 'select', options: TAX_NUMBER_CODES },
      { name: 'partnerAgreementVersion', kind: 'text' },
      { name: 'offerEditsNeedApproval', kind: 'checkbox' },
      { name: 'redemptionCancelMinutes', kind: 'number' },
    ],
  },
  {
    group: 'retention',
    fields: [
      { name: 'retentionMonths', kind: 'number' },
      { name: 'validationRetentionDays', kind: 'number' },
    ],
  },
  {
    group: 'branding',
    fields: [
      { name: 'brandColour', kind: 'colour' },
      { name: 'brandTextColour', kind: 'colour' },
    ],
  },
];

export const SETTING_FIELDS: SettingField[] = SETTING_GROUPS.flatMap((g) => g.fields);
export type SettingsForm = Record<string, string>;
export type SettingsErrors = Record<string, string>;

/** A list typed in one field: items split at commas, semicolons and line breaks, blanks dropped. */
const items = (text: string): string[] =>
  text
    .split(/[,;\r\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Whole numbers stay numbers; anything else stays text, for the DTO to refuse at its field. */
const integer = (text: string): number | string => (/^-?\d{1,9}$/.test(text) ? Number(text) : text);

/** The form's text, and the update it asks for. Checkboxes absent from the body are unticked. */
export function readSettingsForm(body: unknown): { form: SettingsForm; update: Record<string, unknown> } {
  const form: SettingsForm = {};
  const update: Record<string, unknown> = {};
  for (const f of SETTING_FIELDS) {
    const text = f.kind === 'text' || f.kind === 'colour' ? field(body, f.name).trim() : field(body, f.name);
    form[f.name] = text;
    if (f.name === 'residencyKind' || f.name === 'residencyValues') continue;
    update[f.name] =
      f.kind === 'number'
        ? integer(text.trim())
        : f.kind === 'checkbox'
          ? text === 'yes'
          : f.kind === 'list'
            ? items(text)
            : f.kind === 'colour'
              ? text || null
              : text;
  }
  update.residency = { kind: form.residencyKind, values: items(form.residencyValues) };
  return { form, update };
}

/** The settings as the form shows them. */
export function settingsFormOf(p: ProgrammeEntity): SettingsForm {
  const form: SettingsForm = {};
  const values = p as unknown as Record<string, unknown>;
  for (const f of SETTING_FIELDS) {
    const value = values[f.name];
    form[f.name] =
      f.kind === 'checkbox'
        ? value
          ? 'yes'
          : ''
        : Array.isArray(value)
          ? value.join(', ')
          : value === null || value === undefined
            ? ''
            : String(value);
  }
  form.residencyKind = p.residency.kind;
  form.residencyValues = 'values' in p.residency ? p.residency.values.join(', ') : '';
  return form;
}

/** The API's field names (residency.values, …) as the form's. */
const formField = (apiField: string): string | null => {
  const name = apiField.replace(/\[\d+\]$/, '');
  if (name === 'residency.kind') return 'residencyKind';
  if (name === 'residency.values' || name === 'residency') return 'residencyValues';
  return SETTING_FIELDS.some((f) => f.name === name) ? name : null;
};

/** Field errors (message keys `invalid.<field>`) from the API's field errors, the first one a field has. */
export function settingsErrorsOf(errors: FieldError[]): SettingsErrors {
  const found: SettingsErrors = {};
  for (const e of errors) {
    const name = formField(e.field) ?? 'name';
    if (found[name]) continue;
    found[name] = /contrast/i.test(e.message)
      ? 'contrastTooLow'
      : /set together/.test(e.message)
        ? 'pairIncomplete'
        : `invalid.${name}`;
  }
  return found;
}

/** The update checked by the API's own DTO (UpdateProgrammeDto, as the global ValidationPipe would). */
export async function checkSettings(
  update: Record<string, unknown>,
): Promise<{ dto: UpdateProgrammeDto; errors: SettingsErrors }> {
  const dto = plainToInstance(UpdateProgrammeDto, update);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  return { dto, errors: settingsErrorsOf(flattenValidationErrors(errors)) };
}
