import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DerivedKeys, PersonalDataCipher } from '../../common/personal-data/personal-data-cipher';
import type { FamilyGroup } from './family-grouper';
import type { RowsContext } from './family-rows';
import { CheckedFamily, FamilyChecker } from './family-validator';

/** Everything a worker needs to check families, as plain data it can be sent. */
export interface CheckSetup extends RowsContext {
  keys: DerivedKeys;
  defaultFormat: string;
}

export type CheckRequest = { id: number; groups: FamilyGroup[] };
export type CheckReply = { id: number; checked: CheckedFamily[] } | { id: number; error: string };

/** Checks batches of families, in this thread or spread over worker threads; answers keep no order. */
export interface CheckPool {
  check(groups: FamilyGroup[]): Promise<CheckedFamily[]>;
  /** Batches it is worth keeping in flight to keep every thread busy. */
  readonly depth: number;
  close(): Promise<void>;
}

/**
 * Below this size (about 2,500 families) a file is checked in the importing thread: starting a worker costs
 * more than it saves.
 */
const WORKERS_FROM_BYTES = 1 << 20;

/** One worker per core beside the importing thread, which parses the file and writes to the database. */
export function defaultWorkers(fileBytes: number): number {
  return fileBytes < WORKERS_FROM_BYTES ? 0 : Math.min(4, Math.max(1, availableParallelism() - 1));
}

export function openCheckPool(setup: CheckSetup, workers: number): CheckPool {
  if (workers <= 0) {
    const checker = new FamilyChecker({ ...setup, cipher: new PersonalDataCipher(setup.keys) });
    return {
      depth: 1,
      check: async (groups) => groups.map((group) => checker.check(group)),
      close: async () => undefined,
    };
  }
  return new WorkerCheckPool(setup, workers);
}

/** The worker's own file: compiled JavaScript in production, TypeScript under ts-node (tests, benchmarks). */
const WORKER_SCRIPT = join(__dirname, `family-check.worker${extname(__filename)}`);

class WorkerCheckPool implements CheckPool {
  readonly depth: number;
  private readonly workers: { worker: Worker; busy: number }[];
  private readonly waiting = new Map<
    number,
    { resolve: (c: CheckedFamily[]) => void; reject: (e: Error) => void }
  >();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(setup: CheckSetup, count: number) {
    this.depth = count * 2;
    const execArgv = WORKER_SCRIPT.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : undefined;
    this.workers = Array.from({ length: count }, () => {
      const entry = { worker: new Worker(WORKER_SCRIPT, { workerData: setup, execArgv }), busy: 0 };
      entry.worker.on('message', (reply: CheckReply) => {
        entry.busy--;
        this.settle(reply);
      });
      entry.worker.on('error', (error) => this.fail(error));
      entry.worker.on('exit', (code) => this.fail(new Error(`a check worker stopped (exit code ${code})`)));
      return entry;
    });
  }

  check(groups: FamilyGroup[]): Promise<CheckedFamily[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const entry = this.workers.reduce((least, w) => (w.busy < least.busy ? w : least));
    entry.busy++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      entry.worker.postMessage({ id, groups } satisfies CheckRequest);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the check pool is closed');
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private settle(reply: CheckReply): void {
    const waiter = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if ('error' in reply) waiter?.reject(new Error(`checking families failed in a worker: ${reply.error}`));
    else waiter?.resolve(reply.checked);
  }

  /** A worker that dies takes every batch still waiting with it; the import stops with the error. */
  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
