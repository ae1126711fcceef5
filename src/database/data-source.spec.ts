import { buildDataSourceOptions } from './data-source';

describe('buildDataSourceOptions on PostgreSQL', () => {
  const options = buildDataSourceOptions({
    engine: 'postgres',
    url: 'postgres://app@db/fc',
    poolSize: 7,
    healthTimeoutMs: 1500,
  }) as { poolSize?: number; extra?: Record<string, unknown> };

  it('keeps a fixed-size pool: idle connections are never closed below the pool size', () => {
    expect(options.poolSize).toBe(7);
    expect(options.extra).toMatchObject({ min: 7, connectionTimeoutMillis: 1500 });
  });
});
