import { foldForSearch } from '../common/text';
import { openingHoursProblems } from './opening-hours';
import type { OutletEntity, OutletKind } from './outlet.entity';
import type { FieldError } from '../common/problem/problem';

export type OutletInput = Partial<
  Pick<
    OutletEntity,
    | 'ref'
    | 'name'
    | 'street'
    | 'postalCode'
    | 'city'
    | 'latitude'
    | 'longitude'
    | 'openingHours'
    | 'url'
    | 'discountCode'
  >
> & { kind: OutletKind };

type OutletColumns = Omit<OutletEntity, 'id' | 'partnerId' | 'partner' | 'createdAt' | 'updatedAt'>;

/** A ref made from the outlet's name: lower case ASCII, dashes, at most 48 characters. */
export const refFrom = (name: string): string =>
  foldForSearch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48) || 'outlet';

/**
 * The stored columns of an outlet from its input (merged with the stored outlet for an edit): a place keeps
 * an address and coordinates and no URL; an online shop the reverse. Returns field errors instead when the
 * combination is incomplete.
 */
export function outletColumns(input: OutletInput): OutletColumns | FieldError[] {
  const errors: FieldError[] = [];
  const place = input.kind === 'place';
  if (place)
    for (const field of ['street', 'postalCode', 'city', 'latitude', 'longitude'] as const)
      if (input[field] === null || input[field] === undefined)
        errors.push({ field, message: `${field} is required for a place` });
  if (!place && !input.url) errors.push({ field: 'url', message: 'url is required for an online shop' });
  if (input.openingHours)
    for (const message of openingHoursProblems(input.openingHours))
      errors.push({ field: 'openingHours', message });
  if (errors.length) return errors;
  const name = input.name!.trim();
  return {
    ref: input.ref ?? refFrom(name),
    kind: input.kind,
    name,
    street: place ? input.street!.trim() : null,
    postalCode: place ? input.postalCode!.trim() : null,
    city: place ? input.city!.trim() : null,
    latitude: place ? input.latitude! : null,
    longitude: place ? input.longitude! : null,
    openingHours: place ? (input.openingHours ?? null) : null,
    url: place ? null : input.url!,
    discountCode: place ? null : (input.discountCode ?? null),
    searchText: foldForSearch([name, input.street, input.city].filter(Boolean).join(' ')),
  };
}
