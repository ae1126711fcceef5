import type { FieldError } from '../../common/problem/problem';
import type { PartnerEntity } from '../../partners/partner.entity';
import { field } from '../page-forms';
import { FormErrors, optional, placeProblems } from './portal-fields';

/*
 * The partner registration form (/partner/register) and the owner's profile form (/partner): flat fields,
 * a description per programme language (`description-pl`), read into the API's RegisterPartnerDto and
 * UpdatePartnerDto.
 */

export const PROFILE_FIELDS = ['name', 'category', 'website', 'contactName', 'contactEmail', 'contactPhone'];
const OWNER_FIELDS = ['ownerName', 'ownerEmail', 'password', 'acceptAgreement'];

export const descriptionField = (language: string) => `description-${language}`;

/** Every field of the form, as typed (trimmed; the password as is). */
export function readPartnerForm(
  body: unknown,
  languages: string[],
  register: boolean,
): Record<string, string> {
  const names = [
    ...PROFILE_FIELDS,
    ...languages.map(descriptionField),
    ...(register ? ['taxNumber', ...OWNER_FIELDS] : []),
  ];
  return Object.fromEntries(
    names.map((name) => [name, name === 'password' ? field(body, name) : field(body, name).trim()]),
  );
}

/** The form as it starts for a partner's profile. */
export function partnerFormValues(partner: PartnerEntity, categorySlug: string, languages: string[]) {
  return {
    name: partner.name,
    category: categorySlug,
    website: partner.website ?? '',
    contactName: partner.contactName,
    contactEmail: partner.contactEmail,
    contactPhone: partner.contactPhone ?? '',
    ...Object.fromEntries(languages.map((l) => [descriptionField(l), partner.description[l] ?? ''])),
  };
}

const descriptions = (values: Record<string, string>, languages: string[]) =>
  Object.fromEntries(
    languages.filter((l) => values[descriptionField(l)]).map((l) => [l, values[descriptionField(l)]]),
  );

/** The body of POST /api/v1/partners/register. */
export function registerBody(values: Record<string, string>, languages: string[], agreementVersion: string) {
  return {
    name: values.name,
    taxNumber: values.taxNumber,
    category: values.category,
    description: descriptions(values, languages),
    website: optional(values.website),
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    contactPhone: optional(values.contactPhone),
    agreementVersion,
    acceptAgreement: values.acceptAgreement === 'yes',
    owner: { email: values.ownerEmail, displayName: values.ownerName, password: values.password },
  };
}

/** The body of PATCH /api/v1/partners/{id}: the whole profile (a blank website or phone removes it). */
export function profileBody(values: Record<string, string>, languages: string[]) {
  return {
    name: values.name,
    category: values.category,
    description: descriptions(values, languages),
    website: optional(values.website) ?? null,
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    contactPhone: optional(values.contactPhone) ?? null,
  };
}

const OWNER_PATHS: Record<string, string> = {
  'owner.email': 'ownerEmail',
  'owner.displayName': 'ownerName',
  'owner.password': 'password',
  password: 'password',
  acceptAgreement: 'acceptAgreement',
  agreementVersion: 'acceptAgreement',
};

/**
 * The API's field problems at the form's fields: `status` 409 means the tax number or the owner's e-mail is
 * already registered; a description's problem lands at its language's field (the first one when unnamed).
 */
export function partnerFormErrors(problems: FieldError[], languages: string[], status = 400): FormErrors {
  return placeProblems(
    problems,
    (path) => {
      if (path === 'description' || path.startsWith('description.')) {
        const language = path.split('.')[1];
        return [descriptionField(languages.includes(language) ? language : languages[0]), 'description'];
      }
      if (status === 409 && path === 'taxNumber') return ['taxNumber', 'taxNumberTaken'];
      if (status === 409 && path === 'owner.email') return ['ownerEmail', 'ownerEmailTaken'];
      if (path === 'password' || path === 'owner.password')
        return ['password', status === 400 && path === 'password' ? 'passwordWeak' : 'password'];
      if (OWNER_PATHS[path]) return [OWNER_PATHS[path], OWNER_PATHS[path]];
      const name = path.split(/[.[]/)[0];
      return PROFILE_FIELDS.includes(name) || name === 'taxNumber' ? [name, name] : null;
    },
    ['name', 'name'],
  );
}
