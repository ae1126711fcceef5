import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way to write. On PostgreSQL each call gets its own pooled connection and transaction. SQLite has a
 * single connection shared by every request, and TypeORM would otherwise nest a second request's BEGIN inside
 * the first as a savepoint, so on SQLite transactions are queued and run one at a time.
 */
@Injectable()
export class TransactionService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'postgres') return this.dataSource.transaction(work);
    const result = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }
}
