import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TransactionService } from '../database/transaction.service';
import { CheckStore } from './check-store';
import type { ValidationEntity } from './validation.entity';

interface Pending {
  rows: ValidationEntity[];
  done: Promise<void>;
}

/**
 * Writes the record of each check before its answer goes out. On SQLite, where one connection writes and each
 * commit costs more than the insert itself, the checks that arrive while the event loop is busy are written
 * together in one transaction (group commit): every caller still waits for its own row to be committed. On
 * PostgreSQL each row is one insert on a pooled connection, so instances and connections write side by side.
 */
@Injectable()
export class CheckRecorder {
  private pending: Pending | null = null;
  private readonly grouped: boolean;

  constructor(
    private readonly tx: TransactionService,
    private readonly store: CheckStore,
    dataSource: DataSource,
  ) {
    this.grouped = dataSource.options.type !== 'postgres';
  }

  record(row: ValidationEntity): Promise<void> {
    if (!this.grouped) return this.tx.single((em) => this.store.insertValidation(em, row));
    if (this.pending) {
      this.pending.rows.push(row);
      return this.pending.done;
    }
    const rows = [row];
    // The group closes when this turn of the event loop ends; it is written in the transaction queue's turn.
    const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.pending = null;
      if (rows.length === 1) return this.tx.single((em) => this.store.insertValidation(em, row));
      return this.tx.run(async (em) => {
        for (const r of rows) await this.store.insertValidation(em, r);
      });
    });
    this.pending = { rows, done };
    return done;
  }
}
