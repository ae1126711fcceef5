import { resolve } from 'node:path';
import { appConfig, AppConfig, parseTrustProxy } from './app.config';
import { configurationErrorOf, loadWith } from '../../test/support/config-env';

const load = (vars: Record<string, string>): AppConfig => loadWith(appConfig, vars);
const configurationError = (vars: Record<string, string>) => configurationErrorOf(() => load(vars));

const DEFAULTS: AppConfig = {
  env: 'development',
  port: 3000,
  host: '0.0.0.0',
  dataDir: resolve('./data'),
  publicUrl: 'http://localhost:3000',
  trustProxy: false,
  corsOrigins: [],
  bodyLimit: 1_048_576,
  logLevel: 'info',
  shutdownGraceMs: 10_000,
  demo: false,
  map: null,
};

const VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATA_DIR',
  'PUBLIC_URL',
  'TRUST_PROXY',
  'CORS_ORIGINS',
  'BODY_LIMIT_BYTES',
  'LOG_LEVEL',
  'SHUTDOWN_GRACE_MS',
  'DEMO',
  'MAP_TILE_URL',
  'MAP_ATTRIBUTION',
];

describe('appConfig', () => {
  it('has defaults for every variable', () => {
    expect(load({})).toEqual(DEFAULTS);
  });

  it('treats empty variables as unset', () => {
    expect(load(Object.fromEntries(VARIABLES.map((name) => [name, ''])))).toEqual(DEFAULTS);
  });

  it.each<[Record<string, string>, Partial<AppConfig>]>([
    [{ NODE_ENV: 'production' }, { env: 'production' }],
    [{ PORT: '8080' }, { port: 8080, publicUrl: 'http://localhost:8080' }],
    [{ PORT: ' 8080 ' }, { port: 8080, publicUrl: 'http://localhost:8080' }],
    [{ PORT: '0' }, { port: 0, publicUrl: 'http://localhost:0' }],
    [{ PORT: '65535' }, { port: 65535, publicUrl: 'http://localhost:65535' }],
    [{ HOST: '127.0.0.1' }, { host: '127.0.0.1' }],
    [{ DATA_DIR: '/srv/family-card' }, { dataDir: '/srv/family-card' }],
    [{ PUBLIC_URL: 'https://card.example.org' }, { publicUrl: 'https://card.example.org' }],
    [
      { PUBLIC_URL: 'https://card.example.org/', PORT: '8080' },
      { port: 8080, publicUrl: 'https://card.example.org' },
    ],
    [{ PUBLIC_URL: 'http://intranet:8080/cards' }, { publicUrl: 'http://intranet:8080/cards' }],
    [{ TRUST_PROXY: 'true' }, { trustProxy: true }],
    [{ TRUST_PROXY: '2' }, { trustProxy: 2 }],
    [{ TRUST_PROXY: '10.0.0.0/8,::1' }, { trustProxy: ['10.0.0.0/8', '::1'] }],
    [
      { CORS_ORIGINS: 'https://a.example.org, http://localhost:5173' },
      { corsOrigins: ['https://a.example.org', 'http://localhost:5173'] },
    ],
    [{ CORS_ORIGINS: 'https://a.example.org,,' }, { corsOrigins: ['https://a.example.org'] }],
    [{ BODY_LIMIT_BYTES: '1024' }, { bodyLimit: 1024 }],
    [{ LOG_LEVEL: 'silent' }, { logLevel: 'silent' }],
    [{ SHUTDOWN_GRACE_MS: '0' }, { shutdownGraceMs: 0 }],
    [{ DEMO: 'true' }, { demo: true }],
    [{ DEMO: 'YES' }, { demo: true }],
    [{ DEMO: '1' }, { demo: true }],
    [{ DEMO: 'off' }, { demo: false }],
    [
      { MAP_TILE_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', MAP_ATTRIBUTION: '© OpenStreetMap' },
      { map: { tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' } },
    ],
    [
      { MAP_TILE_URL: 'http://tiles.city.example:8080/osm/{z}/{y}/{x}?style=light', MAP_ATTRIBUTION: 'City' },
      { map: { tileUrl: 'http://tiles.city.example:8080/osm/{z}/{y}/{x}?style=light', attribution: 'City' } },
    ],
    [{ MAP_ATTRIBUTION: '© OpenStreetMap' }, {}],
  ])('reads %j', (vars, expected) => {
    expect(load(vars)).toEqual({ ...DEFAULTS, ...expected });
  });

  it.each([
    ['NODE_ENV', 'staging'],
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '65536'],
    ['PORT', '-1'],
    ['PORT', '3000.5'],
    ['PORT', '1e3'],
    ['PUBLIC_URL', 'ftp://card.example.org'],
    ['PUBLIC_URL', 'not a url'],
    ['TRUST_PROXY', 'maybe'],
    ['TRUST_PROXY', 'yes'],
    ['CORS_ORIGINS', 'not a url'],
    ['CORS_ORIGINS', 'https://a.example.org,not a url'],
    ['BODY_LIMIT_BYTES', '10'],
    ['BODY_LIMIT_BYTES', '1023'],
    ['BODY_LIMIT_BYTES', '1mb'],
    ['LOG_LEVEL', 'loud'],
    ['SHUTDOWN_GRACE_MS', '-5'],
    ['DEMO', 'perhaps'],
    ['MAP_ATTRIBUTION', 'x'.repeat(201)],
  ])('rejects %s=%j, naming the variable', (name, value) => {
    const error = configurationError({ [name]: value });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].startsWith(`${name}: `)).toBe(true);
    expect(error.message).toContain(`${name}: `);
  });

  it.each([
    'https://tile.example.org/tiles.png',
    'https://tile.example.org/{z}/{x}.png',
    'ftp://tile.example.org/{z}/{x}/{y}.png',
    'https://{s}.tile.example.org/{z}/{x}/{y}.png',
    'https://tile.example.org/{z}/{x}/{y}.png" onerror="x',
  ])('rejects MAP_TILE_URL=%j', (url) => {
    const error = configurationError({ MAP_TILE_URL: url, MAP_ATTRIBUTION: '© OpenStreetMap' });
    expect(error.problems).toEqual([expect.stringMatching(/^MAP_TILE_URL: .*\{z\}, \{x\} and \{y\}/)]);
  });

  it('requires the attribution with a tile server', () => {
    const error = configurationError({ MAP_TILE_URL: 'https://tile.example.org/{z}/{x}/{y}.png' });
    expect(error.problems).toEqual([expect.stringMatching(/^MAP_ATTRIBUTION: .*required with MAP_TILE_URL/)]);
  });

  it('names every bad variable at once', () => {
    const error = configurationError({ PORT: 'abc', LOG_LEVEL: 'loud', DEMO: 'perhaps' });
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['DEMO', 'LOG_LEVEL', 'PORT']);
  });
});

describe('parseTrustProxy', () => {
  it.each<[string, ReturnType<typeof parseTrustProxy>]>([
    ['true', true],
    ['false', false],
    ['0', 0],
    ['1', 1],
    ['12', 12],
    ['127.0.0.1', ['127.0.0.1']],
    ['10.0.0.0/8,192.168.0.0/16', ['10.0.0.0/8', '192.168.0.0/16']],
    ['10.0.0.1, 10.0.0.2', ['10.0.0.1', '10.0.0.2']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
  ])('%j → %j', (raw, expected) => {
    expect(parseTrustProxy(raw)).toEqual(expected);
  });
});
