import { Global, Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../config/database.config';
import { buildDataSourceOptions } from './data-source';
import { runPendingMigrations } from './migrations.service';
import { TransactionService } from './transaction.service';
import { RawSql } from './raw-sql';
import { SqliteCheckpointer } from './sqlite-checkpointer';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        ...buildDataSourceOptions(config.getOrThrow<DatabaseConfig>('database')),
        retryAttempts: 0,
      }),
      // Pending migrations run (under a lock) before any provider can touch the schema.
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        await runPendingMigrations(dataSource, new Logger('Migrations'));
        return dataSource;
      },
    }),
  ],
  providers: [TransactionService, RawSql, SqliteCheckpointer],
  exports: [TransactionService, RawSql, SqliteCheckpointer],
})
export class DatabaseModule {}
