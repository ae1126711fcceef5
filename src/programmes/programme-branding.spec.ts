import { colourPairProblem, ColourPairProblem, programmeLogoUrl } from './programme-branding';

describe('colourPairProblem', () => {
  it.each<[string | null, string | null, ColourPairProblem]>([
    [null, null, null], // the default colours
    ['#0f766e', '#ffffff', null], // 5.47:1
    ['#ffffff', '#000000', null], // 21:1
    ['#767676', '#ffffff', null], // 4.54:1, just above AA
    ['#777777', '#ffffff', 'contrastTooLow'], // 4.48:1, just below
    ['#fde047', '#ffffff', 'contrastTooLow'],
    ['#123456', '#123456', 'contrastTooLow'], // 1:1
    ['#0f766e', null, 'pairIncomplete'],
    [null, '#ffffff', 'pairIncomplete'],
  ])('%s with text %s → %s', (colour, text, problem) => {
    expect(colourPairProblem(colour, text)).toBe(problem);
  });
});

describe('programmeLogoUrl', () => {
  it.each<[string | null, string | null]>([
    [null, null],
    ['0123456789abcdef0123', '/branding/logo?v=0123456789abcdef'],
  ])('hash %s → %s', (logoHash, url) => {
    expect(programmeLogoUrl({ logoHash })).toBe(url);
  });
});
