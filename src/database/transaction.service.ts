import { Injectable } from '@nestjs/common';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource, EntityManager } from 'typeorm';

interface Queued {
  work: (em: EntityManager) => Promise<unknown>;
  /** One statement: SQLite undoes a failed statement by itself, so it needs no savepoint of its own. */
  single: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** The most transactions one SQLite commit carries: enough to share the commit, short enough to hold the lock. */
const MAX_GROUP = 64;

/**
 * The one way to write. On PostgreSQL each call gets its own pooled connection and transaction.
 *
 * SQLite has a single connection shared by every request, and TypeORM would nest a second request's BEGIN
 * inside the first as a savepoint, so on SQLite transactions are queued and run one at a time. They start
 * with BEGIN IMMEDIATE, taking the write lock up front: a deferred transaction that reads and then writes can
 * fail with SQLITE_BUSY when another process (the CLI, a second instance) wrote in between.
 *
 * Group commit: the transactions waiting in the queue when one ends run together in one SQLite transaction,
 * each in its own savepoint, and are committed once. A commit costs more than a small transaction's own
 * statements (its WAL frames, and now and then a checkpoint), so under load this is what lets one connection
 * keep up. Each caller still gets its answer only after the commit; one that fails is rolled back to its
 * savepoint alone and the others commit.
 */
@Injectable()
export class TransactionService {
  private readonly queued: Queued[] = [];
  private draining = false;
  private readonly sqlite: BetterSqlite3.Database | null;

  constructor(private readonly dataSource: DataSource) {
    this.sqlite =
      dataSource.options.type === 'postgres'
        ? null
        : (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  }

  /** Transactions waiting for the SQLite connection (for /metrics); PostgreSQL's pool does its own queueing. */
  get waiting(): number {
    return this.queued.length;
  }

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.sqlite) return this.dataSource.transaction(work);
    return this.enqueue(work, false);
  }

  /**
   * A write of one statement, atomic on its own: on PostgreSQL it runs outside a transaction (one round trip
   * instead of three: BEGIN, the statement, COMMIT); on SQLite it still goes through the queue and shares a
   * group commit.
   */
  single<T>(write: (em: EntityManager | null) => Promise<T>): Promise<T> {
    return this.sqlite ? this.enqueue(write, true) : write(null);
  }

  private enqueue<T>(work: (em: EntityManager) => Promise<T>, single: boolean): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queued.push({ work, single, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queued.length) await this.runGroup(this.queued.splice(0, MAX_GROUP));
    } finally {
      this.draining = false;
    }
  }

  private async runGroup(group: Queued[]): Promise<void> {
    const db = this.sqlite!;
    const runner = this.dataSource.createQueryRunner();
    // Tell TypeORM a transaction is open, so save() and friends do not try to BEGIN one of their own.
    const open = (active: boolean) =>
      ((runner as { isTransactionActive: boolean }).isTransactionActive = active);
    const outcomes: Outcome[] = [];
    try {
      // Straight on the connection: TypeORM's query() costs more than these statements themselves.
      db.exec('BEGIN IMMEDIATE');
      open(true);
      for (const item of group) {
        if (!item.single) db.exec('SAVEPOINT tx');
        try {
          const value = await item.work(runner.manager);
          if (!item.single) db.exec('RELEASE tx');
          outcomes.push({ ok: true, value });
        } catch (error) {
          // Some errors (a full disk, an I/O error) make SQLite roll the whole transaction back itself: then the
          // group's earlier work is gone too, and every member of the group fails with this error.
          if (!db.inTransaction) throw error;
          if (!item.single) db.exec('ROLLBACK TO tx; RELEASE tx');
          outcomes.push({ ok: false, error });
        }
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const item of group) item.reject(error);
      return;
    } finally {
      open(false);
      await runner.release();
    }
    outcomes.forEach((outcome, i) =>
      outcome.ok ? group[i].resolve(outcome.value) : group[i].reject(outcome.error),
    );
  }
}
