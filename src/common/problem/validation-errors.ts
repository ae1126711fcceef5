import { ValidationError } from 'class-validator';
import { FieldError } from './problem';

/** Flattens class-validator's nested errors into one entry per field path, e.g. `members[0].name`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const key = /^\d+$/.test(error.property) ? `[${error.property}]` : error.property;
    const path = parent ? (key.startsWith('[') ? `${parent}${key}` : `${parent}.${key}`) : key;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field: path, message }));
    return own.concat(flattenValidationErrors(error.children ?? [], path));
  });
}
