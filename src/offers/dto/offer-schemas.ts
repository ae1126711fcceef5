import type { ApiPropertyOptions } from '@nestjs/swagger';
import { AUDIENCE_KINDS, BENEFIT_TYPES } from '../offer-benefit';
import { LIMIT_FIELDS } from '../offer-limits';
import { SCHEDULE_KINDS } from '../offer-schedule';

/*
 * OpenAPI shapes of the offer's union-typed fields, written out because the swagger plugin cannot derive them
 * from TypeScript unions. They document the API; the checks themselves are in offer-input.ts.
 */

const variant = (
  tag: string,
  value: string,
  properties: Record<string, object> = {},
  required: string[] = [],
) => ({
  type: 'object' as const,
  properties: { [tag]: { type: 'string', enum: [value] }, ...properties },
  required: [tag, ...required],
});

export const TEXTS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 120 },
      description: { type: 'string', maxLength: 2000 },
      terms: { type: 'string', maxLength: 1000 },
    },
    required: ['title'],
  },
  example: { pl: { title: 'Bilet rodzinny −20%' }, en: { title: 'Family ticket −20%' } },
};

export const BENEFIT_SCHEMA: ApiPropertyOptions = {
  description: `What the offer gives; money in minor units of the programme's currency. Types: ${BENEFIT_TYPES.join(', ')}.`,
  oneOf: [
    variant('type', 'percent', { percent: { type: 'number', minimum: 1, maximum: 100 } }, ['percent']),
    variant('type', 'amount_off', { amount: { type: 'integer', minimum: 1 } }, ['amount']),
    variant('type', 'special_price', { price: { type: 'integer', minimum: 0 } }, ['price']),
    variant('type', 'free_entry'),
    variant('type', 'free_text'),
  ],
  example: { type: 'percent', percent: 20 },
};

export const SCHEDULE_SCHEMA: ApiPropertyOptions = {
  description: `When the offer runs, in the programme's time zone. Kinds: ${SCHEDULE_KINDS.join(', ')}.`,
  oneOf: [
    variant('kind', 'permanent'),
    variant(
      'kind',
      'temporary',
      { startsOn: { type: 'string', format: 'date' }, endsOn: { type: 'string', format: 'date' } },
      ['startsOn', 'endsOn'],
    ),
    variant(
      'kind',
      'seasonal',
      {
        fromMonthDay: { type: 'string', example: '12-15' },
        toMonthDay: { type: 'string', example: '01-15' },
      },
      ['fromMonthDay', 'toMonthDay'],
    ),
    variant(
      'kind',
      'occasional',
      { startsAt: { type: 'string', format: 'date-time' }, endsAt: { type: 'string', format: 'date-time' } },
      ['startsAt', 'endsAt'],
    ),
  ],
  example: { kind: 'temporary', startsOn: '2026-06-01', endsOn: '2026-08-31' },
};

export const AUDIENCE_SCHEMA: ApiPropertyOptions = {
  description: `Who in the family may use it. Kinds: ${AUDIENCE_KINDS.join(', ')}.`,
  oneOf: [
    variant('kind', 'all'),
    variant('kind', 'children'),
    variant('kind', 'parents'),
    variant('kind', 'age_range', {
      minAge: { type: 'integer', minimum: 0, maximum: 120 },
      maxAge: { type: 'integer', minimum: 0, maximum: 120 },
    }),
  ],
  example: { kind: 'all' },
};

export const LIMITS_SCHEMA: ApiPropertyOptions = {
  description: 'Uses allowed per card per day / week / month / in total, or per family in total.',
  type: 'object',
  properties: Object.fromEntries(
    LIMIT_FIELDS.map((f) => [f, { type: 'integer', minimum: 1, maximum: 10000 }]),
  ),
  example: { perCardPerDay: 1 },
};
