import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/database.config';
import { HealthDto } from './health.dto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Read at run time: importing package.json would pull it into the compilation and move dist/'s layout.
const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService,
  ) {}

  async check(): Promise<HealthDto> {
    const db = this.config.getOrThrow<DatabaseConfig>('database');
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const database = await Promise.race([
      this.dataSource.query('SELECT 1').then(() => ({ status: 'up' as const })),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), db.healthTimeoutMs);
      }),
    ])
      .catch((err: Error) => ({
        status: 'down' as const,
        error: err.message.includes('timed out') ? 'timed out' : 'unreachable',
      }))
      .finally(() => clearTimeout(timer));
    return {
      status: database.status === 'up' ? 'ok' : 'error',
      uptimeSeconds: Math.round(process.uptime()),
      version,
      database: {
        ...database,
        engine: db.engine,
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
      },
    };
  }
}
