import { mailConfig, MailConfig } from './mail.config';
import { configurationErrorOf, loadWith } from '../../test/support/config-env';

const load = (vars: Record<string, string>): MailConfig => loadWith(mailConfig, vars);
const configurationError = (vars: Record<string, string>) => configurationErrorOf(() => load(vars));

const DEFAULTS: MailConfig = {
  smtpUrl: undefined,
  from: 'Family Card <no-reply@localhost>',
  maxAttempts: 8,
  sendIntervalMs: 30_000,
};

describe('mailConfig', () => {
  it('has defaults for every variable', () => {
    expect(load({})).toEqual(DEFAULTS);
  });

  it('treats empty variables as unset', () => {
    const names = ['SMTP_URL', 'MAIL_FROM', 'MAIL_MAX_ATTEMPTS', 'MAIL_SEND_INTERVAL_SECONDS'];
    expect(load(Object.fromEntries(names.map((name) => [name, ''])))).toEqual(DEFAULTS);
  });

  it.each<[Record<string, string>, Partial<MailConfig>]>([
    [{ SMTP_URL: 'smtp://mail.city.example:587' }, { smtpUrl: 'smtp://mail.city.example:587' }],
    [
      { SMTP_URL: 'smtps://user:p%40ss@mail.city.example' },
      { smtpUrl: 'smtps://user:p%40ss@mail.city.example' },
    ],
    [{ SMTP_URL: 'smtp://127.0.0.1:2525/?pool=true' }, { smtpUrl: 'smtp://127.0.0.1:2525/?pool=true' }],
    [{ MAIL_FROM: 'noreply@city.example' }, { from: 'noreply@city.example' }],
    [
      { MAIL_FROM: 'Karta Dużej Rodziny <karta@um.example.pl>' },
      { from: 'Karta Dużej Rodziny <karta@um.example.pl>' },
    ],
    [{ MAIL_MAX_ATTEMPTS: '1' }, { maxAttempts: 1 }],
    [{ MAIL_MAX_ATTEMPTS: ' 12 ' }, { maxAttempts: 12 }],
    [{ MAIL_SEND_INTERVAL_SECONDS: '1' }, { sendIntervalMs: 1000 }],
    [{ MAIL_SEND_INTERVAL_SECONDS: '300' }, { sendIntervalMs: 300_000 }],
  ])('reads %j', (vars, expected) => {
    expect(load(vars)).toEqual({ ...DEFAULTS, ...expected });
  });

  it.each([
    ['SMTP_URL', 'http://mail.city.example'],
    ['SMTP_URL', 'mail.city.example:25'],
    ['SMTP_URL', 'smtp://'],
    ['SMTP_URL', 'smtp://host name'],
    ['MAIL_FROM', 'not an address'],
    ['MAIL_FROM', 'Name <not an address>'],
    ['MAIL_FROM', 'a@b.example\r\nBcc: x@y.example'],
    ['MAIL_MAX_ATTEMPTS', '0'],
    ['MAIL_MAX_ATTEMPTS', '101'],
    ['MAIL_MAX_ATTEMPTS', 'many'],
    ['MAIL_SEND_INTERVAL_SECONDS', '0'],
    ['MAIL_SEND_INTERVAL_SECONDS', '1.5'],
    ['MAIL_SEND_INTERVAL_SECONDS', '30s'],
  ])('rejects %s=%j, naming the variable', (name, value) => {
    const error = configurationError({ [name]: value });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].startsWith(`${name}: `)).toBe(true);
    expect(error.message).toContain(`${name}: `);
  });

  // The URL may carry the SMTP password, so a rejected value must not be logged.
  it('does not repeat a rejected SMTP_URL', () => {
    const error = configurationError({ SMTP_URL: 'smtpx://mailer:hunter2@mail.city.example' });
    expect(error.message).toContain('SMTP_URL');
    expect(error.message).not.toContain('hunter2');
  });
});
