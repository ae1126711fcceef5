import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way to write. On PostgreSQL each call gets its own pooled connection and transaction.
 *
 * SQLite has a single connection shared by every request, and TypeORM would nest a second request's BEGIN
 * inside the first as a savepoint, so on SQLite transactions are queued and run one at a time. They start
 * with BEGIN IMMEDIATE, taking the write lock up front: a deferred transaction that reads and then writes can
 * fail with SQLITE_BUSY when another process (the CLI, a second instance) wrote in between.
 */
@Injectable()
export class TransactionService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'postgres') return this.dataSource.transaction(work);
    return this.inTurn(() => this.runImmediate(work));
  }

  /**
   * One statement that is atomic by itself and needs no BEGIN/COMMIT around it (a till's check is one insert).
   * On SQLite it still waits its turn, so it never lands inside another request's open transaction on the
   * shared connection; on PostgreSQL it runs at once on a pooled connection.
   */
  single<T>(write: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'postgres') return write(this.dataSource.manager);
    return this.inTurn(() => write(this.dataSource.manager));
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async runImmediate<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    // Straight on the connection: TypeORM's query() costs more than BEGIN and COMMIT themselves.
    const db = (this.dataSource.driver as unknown as { databaseConnection: { exec(sql: string): void } })
      .databaseConnection;
    db.exec('BEGIN IMMEDIATE');
    // Tell TypeORM a transaction is open, so save() and friends do not try to BEGIN one of their own.
    (runner as { isTransactionActive: boolean }).isTransactionActive = true;
    try {
      const result = await work(runner.manager);
      db.exec('COMMIT');
      return result;
    } catch (error) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // Nothing left to roll back (SQLite already ended the transaction after the error).
      }
      throw error;
    } finally {
      (runner as { isTransactionActive: boolean }).isTransactionActive = false;
      await runner.release();
    }
  }
}
