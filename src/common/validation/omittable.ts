import { ValidateIf } from 'class-validator';

/**
 * Like `@IsOptional()`, except that only an absent field skips validation: `null` is validated, and so
 * refused, by the field's other rules. For fields whose column is NOT NULL — `@IsOptional()` lets `null`
 * through to the database, a 500 (found by test/fuzz.e2e-spec.ts).
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
