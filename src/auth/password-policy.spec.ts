import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './password-policy';

const EMAIL = 'jan.kowalski@example.org';
const TOO_EASY = /^is too easy to guess/;

/** Exactly as long as allowed. Words rather than random characters: zxcvbn is much slower on those. */
const LONGEST_GOOD = [
  'amber quiet falcon drifts over seven copper hills while tired lanterns hum beneath a violet orchard',
  'and nine brave otters juggle marmalade jars near the frozen harbour gate every stubborn tuesday',
  'morning before breakfast bells ring twice across windy meadows',
]
  .join(' ')
  .slice(0, PASSWORD_MAX_LENGTH);

describe('passwordProblems', () => {
  it('has the limits the tables below assume', () => {
    expect([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, LONGEST_GOOD.length]).toEqual([12, 256, 256]);
  });

  it.each([
    ['exactly 12 good characters', 'Xk9#mQ2$vL7p'],
    ['a passphrase of four random words', 'correct horse battery staple'],
    ['a hyphenated passphrase', 'violet-anchor-maple-drift'],
    ['a mixed 13-character password', 'Tr0ub4dor&3xy'],
    ['exactly 256 characters', LONGEST_GOOD],
  ])('accepts %s', (_, password) => {
    expect(passwordProblems(password, [EMAIL])).toEqual([]);
  });

  it.each([
    ['11 characters', 'Xk9#mQ2$vL7', 'must be at least 12 characters long'],
    ['an empty password', '', 'must be at least 12 characters long'],
    ['257 characters', `${LONGEST_GOOD}z`, 'must be at most 256 characters long'],
    ['10 000 characters', 'Xk9#mQ2$vL7p'.repeat(834), 'must be at most 256 characters long'],
  ])('refuses %s by length', (_, password, problem) => {
    expect(passwordProblems(password)).toEqual([problem]);
  });

  it.each([
    ['password1234'],
    ['qwertyuiop123'],
    ['123456789012'],
    ['iloveyou1234'],
    ['aaaaaaaaaaaa'],
    ['abcdefghijklmnop'],
  ])('refuses the common or patterned %j although it is long enough', (password) => {
    const problems = passwordProblems(password);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(TOO_EASY);
  });

  it.each([
    ['the whole e-mail address', EMAIL],
    ['the e-mail address in capitals', EMAIL.toUpperCase()],
  ])("refuses %s as the user's password", (_, password) => {
    expect(passwordProblems(password, [EMAIL])).toEqual([expect.stringMatching(TOO_EASY)]);
  });
});
