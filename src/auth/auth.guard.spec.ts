import { extractCredential } from './auth.guard';

type Headers = Record<string, string | string[] | undefined>;

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln';
const KEY = 'fck_0123456789ab_Abc_def-GHIjklMNOpqrSTUvwxYZ0123456789_-xyz';

describe('extractCredential', () => {
  it.each<[string, Headers, string]>([
    ['a Bearer token', { authorization: `Bearer ${JWT}` }, JWT],
    ['a lower-case bearer token', { authorization: `bearer ${JWT}` }, JWT],
    ['an upper-case BEARER token', { authorization: `BEARER ${JWT}` }, JWT],
    ['a Bearer token after several blanks', { authorization: `Bearer \t ${JWT}` }, JWT],
    ['a Bearer token with trailing blanks', { authorization: `Bearer ${JWT}  ` }, JWT],
    ['an API key sent as a Bearer token', { authorization: `Bearer ${KEY}` }, KEY],
    ['an X-API-Key', { 'x-api-key': KEY }, KEY],
    ['an X-API-Key with surrounding blanks', { 'x-api-key': `  ${KEY} ` }, KEY],
    ['the X-API-Key when both are sent', { 'x-api-key': KEY, authorization: `Bearer ${JWT}` }, KEY],
    ['the Bearer token when X-API-Key is empty', { 'x-api-key': '', authorization: `Bearer ${JWT}` }, JWT],
    [
      'the Bearer token when X-API-Key is repeated',
      { 'x-api-key': [KEY, KEY], authorization: `Bearer ${JWT}` },
      JWT,
    ],
  ])('takes %s', (_, headers, expected) => {
    expect(extractCredential(headers)).toBe(expected);
  });

  it.each<[string, Headers]>([
    ['no headers', {}],
    ['an undefined Authorization', { authorization: undefined }],
    ['an empty Authorization', { authorization: '' }],
    ['a bare scheme', { authorization: 'Bearer' }],
    ['a scheme with only blanks', { authorization: 'Bearer   ' }],
    ['Basic credentials', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['another scheme', { authorization: `Token ${JWT}` }],
    ['a token without a scheme', { authorization: JWT }],
    ['a scheme glued to the token', { authorization: `Bearer${JWT}` }],
    ['two tokens', { authorization: `Bearer ${JWT} ${JWT}` }],
    ['a leading blank before the scheme', { authorization: ` Bearer ${JWT}` }],
    ['a repeated Authorization header', { authorization: [`Bearer ${JWT}`, `Bearer ${JWT}`] }],
    ['a repeated X-API-Key and no Authorization', { 'x-api-key': [KEY, KEY] }],
  ])('finds nothing in %s', (_, headers) => {
    expect(extractCredential(headers)).toBeNull();
  });
});
