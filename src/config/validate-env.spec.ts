import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { ToInt } from './env-transforms';
import { configurationErrorOf } from '../../test/support/config-env';
import { validateEnv } from './validate-env';

class SampleEnv {
  @IsString()
  NAME: string;

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  COUNT: number = 7;
}

const configurationError = configurationErrorOf;

describe('validateEnv', () => {
  it.each([
    ['a valid value', { NAME: 'x', COUNT: '3' }, { NAME: 'x', COUNT: 3 }],
    ['an unset optional variable', { NAME: 'x' }, { NAME: 'x', COUNT: 7 }],
    ['an empty optional variable', { NAME: 'x', COUNT: '' }, { NAME: 'x', COUNT: 7 }],
    ['an undefined optional variable', { NAME: 'x', COUNT: undefined }, { NAME: 'x', COUNT: 7 }],
    ['surrounding blanks around a number', { NAME: 'x', COUNT: ' 12 ' }, { NAME: 'x', COUNT: 12 }],
  ])('accepts %s', (_, env, expected) => {
    expect(validateEnv(SampleEnv, env)).toMatchObject(expected);
  });

  it('returns an instance of the schema', () => {
    expect(validateEnv(SampleEnv, { NAME: 'x' })).toBeInstanceOf(SampleEnv);
  });

  it.each([
    ['a wrong type', { NAME: 'x', COUNT: 'many' }, 'COUNT: ', '(got "many")'],
    ['a value below the minimum', { NAME: 'x', COUNT: '0' }, 'COUNT: ', '(got "0")'],
    ['a missing required variable', { COUNT: '3' }, 'NAME: ', '(got nothing)'],
    ['an empty required variable', { NAME: '', COUNT: '3' }, 'NAME: ', '(got nothing)'],
  ])('rejects %s, naming the variable', (_, env, start, got) => {
    const error = configurationError(() => validateEnv(SampleEnv, env));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].startsWith(start)).toBe(true);
    expect(error.problems[0].endsWith(got)).toBe(true);
    expect(error.message).toContain(error.problems[0]);
  });

  it('lists every bad variable, one per line', () => {
    const error = configurationError(() => validateEnv(SampleEnv, { COUNT: 'many' }));
    expect(error.name).toBe('ConfigurationError');
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['COUNT', 'NAME']);
    expect(error.message.split('\n')).toEqual([
      'Invalid configuration:',
      ...error.problems.map((p) => `  - ${p}`),
    ]);
  });

  it('reads process.env when no environment is given', () => {
    const saved = process.env;
    process.env = { NAME: 'from-process', COUNT: '9' };
    try {
      expect(validateEnv(SampleEnv)).toMatchObject({ NAME: 'from-process', COUNT: 9 });
    } finally {
      process.env = saved;
    }
  });
});
