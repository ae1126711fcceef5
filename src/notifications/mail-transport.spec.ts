import { describeSmtpUrl, senderDomain } from './mail-transport';

describe('senderDomain', () => {
  it.each([
    ['Family Card <no-reply@localhost>', 'localhost'],
    ['karta@um.example.pl', 'um.example.pl'],
    ['"Urząd, Karta" <karta@city.example> ', 'city.example'],
    ['nonsense', 'localhost'],
  ])('%j → %j', (from, domain) => {
    expect(senderDomain(from)).toBe(domain);
  });
});

describe('describeSmtpUrl', () => {
  it.each([
    ['smtp://mail.city.example', 'smtp://mail.city.example'],
    ['smtps://user:secret@mail.city.example:465/?pool=true', 'smtps://mail.city.example:465'],
  ])('%j → %j (no credentials)', (url, shown) => {
    expect(describeSmtpUrl(url)).toBe(shown);
  });
});
