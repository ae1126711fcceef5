import { availableParallelism } from 'node:os';
import { DerivedKeys, PersonalDataCipher } from '../../common/personal-data/personal-data-cipher';
import { WorkerPool, workerScript } from '../../common/worker-pool';
import type { FamilyGroup } from './family-grouper';
import type { RowsContext } from './family-rows';
import { CheckedFamily, FamilyChecker } from './family-validator';

/** Everything a worker needs to check families, as plain data it can be sent. */
export interface CheckSetup extends RowsContext {
  keys: DerivedKeys;
  defaultFormat: string;
}

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

const WORKER = workerScript(__filename, 'family-check.worker');

export function openCheckPool(setup: CheckSetup, workers: number): CheckPool {
  if (workers <= 0) {
    const checker = new FamilyChecker({ ...setup, cipher: new PersonalDataCipher(setup.keys) });
    return {
      depth: 1,
      check: async (groups) => groups.map((group) => checker.check(group)),
      close: async () => undefined,
    };
  }
  const pool = new WorkerPool<FamilyGroup[], CheckedFamily[]>(WORKER, setup, workers, 'checking families');
  return { depth: workers * 2, check: (groups) => pool.run(groups), close: () => pool.close() };
}
