export class DatabaseHealthDto {
  /** @example "up" */
  status: 'up' | 'down';
  /** @example "sqlite" */
  engine: 'sqlite' | 'postgres';
  /** Round-trip of a trivial query, in milliseconds. */
  latencyMs?: number;
  /** Why it is down (no connection details). */
  error?: string;
}

export class HealthDto {
  /** @example "ok" */
  status: 'ok' | 'error';
  /** Seconds since this instance started. */
  uptimeSeconds: number;
  version: string;
  database: DatabaseHealthDto;
}
