import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type BetterSqlite3 from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';

/** How often the worker copies the WAL back into the database file. */
const CHECKPOINT_INTERVAL_MS = 500;

// The worker: its own connection to the same file, a PASSIVE checkpoint on a timer (it never waits for, nor
// blocks, the app's writer), and a word back after each so tests can wait for one.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error.message });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'checkpoint') return checkpoint();
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

interface CheckpointMessage {
  ok: boolean;
  result?: { busy: number; log: number; checkpointed: number };
  message?: string;
}

/**
 * SQLite in WAL mode copies the log back into the database file every 1,000 pages, in whichever write happens
 * to cross the mark: on the app's one connection that is a request, which then waits for the copy and two
 * fsyncs (the validations benchmark's p99 at 500 checks/s showed those stalls). Here the app's connection
 * never checkpoints by itself; a worker thread with its own connection does, every half second, while the event
 * loop goes on serving. Processes without this service (the CLI) keep SQLite's automatic checkpoints.
 */
@Injectable()
export class SqliteCheckpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SqliteCheckpointer');
  private worker: Worker | null = null;
  private failing = false;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    if (this.dataSource.options.type !== 'better-sqlite3') return;
    const options = this.dataSource.options;
    const db = this.connection();
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3'),
        file: options.database,
        busyTimeoutMs: options.timeout ?? 5000,
        intervalMs: CHECKPOINT_INTERVAL_MS,
      },
    });
    this.worker.on('message', (message: CheckpointMessage) => this.report(message));
    this.worker.on('error', (error) => {
      // Without the worker the app's own connection must checkpoint again, or the WAL would grow for ever.
      this.logger.error(`checkpoint worker stopped (${error.message}); SQLite checkpoints by itself again`);
      db.pragma('wal_autocheckpoint = 1000');
      this.worker = null;
    });
    // After the listeners (adding one refs the worker again): an app never closed must not keep its process up.
    this.worker.unref();
    db.pragma('wal_autocheckpoint = 0');
  }

  async onApplicationShutdown(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    // Held while it stops: an unreferenced worker keeps nothing alive, so a process with no other work would
    // end in the middle of closing the app (exit code 0, the rest of the shutdown and the caller's code skipped).
    worker.ref();
    worker.postMessage('stop');
    await exited;
    // The app's connection closes next and checkpoints whatever is left as it does.
    if (this.dataSource.isInitialized) this.connection().pragma('wal_autocheckpoint = 1000');
  }

  /** Runs a checkpoint now and resolves with its result (tests wait for one this way). */
  checkpointNow(): Promise<CheckpointMessage> {
    const worker = this.worker;
    if (!worker) return Promise.resolve({ ok: false, message: 'no checkpoint worker' });
    return new Promise((resolve) => {
      worker.once('message', resolve);
      worker.postMessage('checkpoint');
    });
  }

  private report(message: CheckpointMessage): void {
    if (message.ok === !this.failing) return;
    this.failing = !message.ok;
    if (this.failing) this.logger.warn(`checkpoint failed: ${message.message}`);
    else this.logger.log('checkpoints succeed again');
  }

  private connection(): BetterSqlite3.Database {
    return (this.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database })
      .databaseConnection;
  }
}
