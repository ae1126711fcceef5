import { isMalformedMultipart } from './multipart-errors';

describe('isMalformedMultipart', () => {
  it.each([
    [new Error('Unexpected end of multipart data'), true],
    [new Error('Part terminated early due to unexpected end of multipart data'), true],
    [new Error('Multipart: Boundary not found'), true],
    [Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }), false],
    [new Error('something else'), false],
    ['Unexpected end of multipart data', false],
  ])('%s → %s', (error, expected) => {
    expect(isMalformedMultipart(error)).toBe(expected);
  });
});
