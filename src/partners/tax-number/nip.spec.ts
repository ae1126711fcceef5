import { NIP } from './nip';

// Check digits computed by hand: weights 6,5,7,2,3,4,5,6,7; sum mod 11 is the 10th digit.
describe('NIP', () => {
  it.each([
    ['5260250274', 'sum 169, remainder 4'],
    ['7251801126', 'sum 138, remainder 6'],
    ['1234563218', 'sum 118, remainder 8'],
  ])('%s is valid (%s)', (nip) => {
    expect(NIP.validate(nip)).toEqual({ ok: true });
  });

  it.each([
    ['5260250275', 'check digit'],
    ['7251801120', 'check digit'],
    ['1234567890', 'check digit'], // sum 230, remainder 10: no check digit can match
    ['1234567899', 'check digit'],
    ['526025027', '10 digits'],
    ['52602502744', '10 digits'],
    ['526025027A', 'digits only'],
    ['PL5260250274', 'digits only'],
    ['', 'digits only'],
  ])('%j is invalid: %s', (nip, reason) => {
    const result = NIP.validate(nip);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it.each([
    ['5260250274', '5260250274'],
    ['526-025-02-74', '5260250274'],
    ['526 025 02 74', '5260250274'],
    ['526.025.02.74', '5260250274'],
    ['PL5260250274', '5260250274'],
    [' pl 526-025-02-74 ', '5260250274'],
    ['526\u2013025\u201302\u201374', '5260250274'],
    ['', ''],
    ['5260PL250274', '5260PL250274'],
  ])('normalises %j to %j', (raw, normalized) => {
    expect(NIP.normalize(raw)).toBe(normalized);
  });
});
