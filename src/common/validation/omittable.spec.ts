import { IsString, validateSync } from 'class-validator';
import { IsOmittable } from './omittable';

class Sample {
  @IsOmittable()
  @IsString()
  name?: unknown;
}

const errorsFor = (value: Record<string, unknown>) =>
  validateSync(Object.assign(new Sample(), value)).map((e) => e.property);

describe('IsOmittable', () => {
  it.each([
    ['absent', {}, []],
    ['undefined', { name: undefined }, []],
    ['a valid value', { name: 'Anna' }, []],
    ['null (IsOptional would let it through)', { name: null }, ['name']],
    ['a wrong type', { name: 42 }, ['name']],
  ])('%s', (_label, value, expected) => {
    expect(errorsFor(value)).toEqual(expected);
  });
});
