import { generateCardNumber } from '../cards/card-number';
import { lastNameMatches, parseCheckCode } from './check-code';

describe('parseCheckCode', () => {
  const number = generateCardNumber('KDR', () => '482109375526');
  const spaced = `${number.slice(0, 3)} ${number.slice(3, 7)} ${number.slice(7, 11)}-${number.slice(11)}`;
  const wrongCheck = number.slice(0, -1) + ((Number(number.slice(-1)) + 1) % 10);
  it.each([
    ['HTTP://LOCALHOST:3000/C/ABCDEF234567', { kind: 'token', text: 'HTTP://LOCALHOST:3000/C/ABCDEF234567' }],
    ['  https://karta.example/c/abcdef  ', { kind: 'token', text: 'https://karta.example/c/abcdef' }],
    [number, { kind: 'number', number }],
    [spaced.toLowerCase(), { kind: 'number', number }],
    [wrongCheck, { kind: 'malformed', reason: expect.any(String) }],
    ['KDR 1234', { kind: 'malformed', reason: expect.any(String) }],
    ['', { kind: 'malformed', reason: expect.any(String) }],
    ['ABCDEF234567ABCDEF', { kind: 'malformed', reason: expect.any(String) }],
  ])('%s', (code, expected) => {
    expect(parseCheckCode(code)).toEqual(expected);
  });
});

describe('lastNameMatches', () => {
  it.each([
    ['Łukasz Żółć', 'Żółć', true],
    ['Łukasz Żółć', ' zolc ', true],
    ['Łukasz Żółć', 'ZÓŁĆ', true],
    ['Anna Nowak-Kowalska', 'nowak-kowalska', true],
    ['Maria de la Cruz', 'de la Cruz', true],
    ['Łukasz Żółć', 'Łukasz', false],
    ['Łukasz Żółć', 'ółć', false],
    ['Łukasz Żółć', '', false],
    ['Иван Петров', 'петров', true],
  ])('%s / %s → %s', (holder, last, expected) => {
    expect(lastNameMatches(holder, last)).toBe(expected);
  });
});
