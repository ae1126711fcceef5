import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsArray,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsString,
  Min,
  ValidateNested,
  validateSync,
  ValidationError,
} from 'class-validator';
import { FieldError } from './problem';
import { flattenValidationErrors } from './validation-errors';

function error(property: string, constraints?: Record<string, string>, children: ValidationError[] = []) {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('flattenValidationErrors', () => {
  it.each<[string, ValidationError[], FieldError[]]>([
    ['no errors', [], []],
    ['an error without constraints or children', [error('name')], []],
    [
      'a top-level field',
      [error('email', { isEmail: 'email must be an email' })],
      [{ field: 'email', message: 'email must be an email' }],
    ],
    [
      'two constraints on one field',
      [error('name', { isNotEmpty: 'name should not be empty', isString: 'name must be a string' })],
      [
        { field: 'name', message: 'name should not be empty' },
        { field: 'name', message: 'name must be a string' },
      ],
    ],
    [
      'several top-level fields in order',
      [error('a', { x: 'a is bad' }), error('b', { y: 'b is bad' })],
      [
        { field: 'a', message: 'a is bad' },
        { field: 'b', message: 'b is bad' },
      ],
    ],
    [
      'a nested object',
      [error('address', undefined, [error('city', { isString: 'city must be a string' })])],
      [{ field: 'address.city', message: 'city must be a string' }],
    ],
    [
      'an array element',
      [
        error('members', undefined, [
          error('1', undefined, [error('name', { isNotEmpty: 'name should not be empty' })]),
        ]),
      ],
      [{ field: 'members[1].name', message: 'name should not be empty' }],
    ],
    [
      'a primitive array element',
      [error('tags', undefined, [error('3', { isString: 'each value in tags must be a string' })])],
      [{ field: 'tags[3]', message: 'each value in tags must be a string' }],
    ],
    [
      'an array inside an array element',
      [
        error('members', undefined, [
          error('0', undefined, [
            error('documents', undefined, [error('2', undefined, [error('kind', { isIn: 'bad kind' })])]),
          ]),
        ]),
      ],
      [{ field: 'members[0].documents[2].kind', message: 'bad kind' }],
    ],
    [
      'a directly nested array',
      [error('grid', undefined, [error('1', undefined, [error('2', { isInt: 'not an integer' })])])],
      [{ field: 'grid[1][2]', message: 'not an integer' }],
    ],
    [
      'a parent with its own constraint before its children',
      [
        error('members', { arrayMinSize: 'members must contain at least 2 elements' }, [
          error('0', undefined, [error('name', { isString: 'name must be a string' })]),
        ]),
      ],
      [
        { field: 'members', message: 'members must contain at least 2 elements' },
        { field: 'members[0].name', message: 'name must be a string' },
      ],
    ],
    [
      'a body that is itself an array',
      [error('0', undefined, [error('name', { isString: 'name must be a string' })])],
      [{ field: '[0].name', message: 'name must be a string' }],
    ],
    [
      'a field name that merely contains digits',
      [error('address', undefined, [error('line2', { isString: 'line2 must be a string' })])],
      [{ field: 'address.line2', message: 'line2 must be a string' }],
    ],
  ])('flattens %s', (_, errors, expected) => {
    expect(flattenValidationErrors(errors)).toEqual(expected);
  });

  it('prefixes every path with the parent it is given', () => {
    expect(flattenValidationErrors([error('name', { isString: 'bad' })], 'members[2]')).toEqual([
      { field: 'members[2].name', message: 'bad' },
    ]);
  });
});

class MemberInput {
  @IsString()
  @IsNotEmpty()
  name: string;

  @IsInt()
  @Min(0)
  age: number;
}

class AddressInput {
  @IsString()
  city: string;
}

class FamilyInput {
  @IsEmail()
  email: string;

  @ValidateNested()
  @Type(() => AddressInput)
  address: AddressInput;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MemberInput)
  members: MemberInput[];
}

describe('flattenValidationErrors with class-validator', () => {
  const fieldsOf = (plain: object) =>
    flattenValidationErrors(validateSync(plainToInstance(FamilyInput, plain)))
      .map((e) => e.field)
      .sort();

  const valid = { email: 'a@example.org', address: { city: 'Kraków' }, members: [{ name: 'Anna', age: 40 }] };

  it.each<[string, object, string[]]>([
    ['a valid body', valid, []],
    ['a bad top-level field', { ...valid, email: 'nope' }, ['email']],
    ['a bad nested field', { ...valid, address: { city: 7 } }, ['address.city']],
    [
      'bad fields in the second member',
      {
        ...valid,
        members: [
          { name: 'Anna', age: 40 },
          { name: '', age: -1 },
        ],
      },
      ['members[1].age', 'members[1].name'],
    ],
  ])('names %s', (_, plain, fields) => {
    expect([...new Set(fieldsOf(plain))]).toEqual(fields);
  });
});
