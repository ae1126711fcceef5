import { describeSendError, LAST_ERROR_MAX_LENGTH } from './outbox-sender';

describe('describeSendError', () => {
  it('keeps the message on one line', () => {
    expect(describeSendError(new Error('Invalid login:\r\n535 5.7.8  Authentication failed'))).toBe(
      'Invalid login: 535 5.7.8 Authentication failed',
    );
  });

  it('never stores the SMTP credentials or URL', () => {
    const url = 'smtps://mailer%40city:s3cr%21t@mail.city.example:465';
    const text = describeSendError(
      new Error(`failed ${url} as mailer@city with s3cr!t and s3cr%21t and mailer%40city`),
      url,
    );
    expect(text).not.toMatch(/s3cr|mailer/);
    expect(text).toBe('failed [hidden] as [hidden] with [hidden] and [hidden] and [hidden]');
  });

  it(`truncates to ${LAST_ERROR_MAX_LENGTH} characters`, () => {
    const text = describeSendError(new Error('x'.repeat(2000)));
    expect(text).toHaveLength(LAST_ERROR_MAX_LENGTH);
    expect(text.endsWith('…')).toBe(true);
  });

  it.each<[unknown, string]>([
    ['plain string', 'plain string'],
    [new Error(''), 'Error'],
    [Object.assign(new Error('  '), { name: '' }), 'unknown error'],
    [undefined, 'undefined'],
  ])('describes %p', (error, expected) => {
    expect(describeSendError(error)).toBe(expected);
  });
});
