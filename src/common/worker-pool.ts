import { extname } from 'node:path';
import { Worker, parentPort } from 'node:worker_threads';

type Request<T> = { id: number; payload: T };
type Reply<R> = { id: number; result: R } | { id: number; error: string };

/**
 * A worker thread's script beside `callerFile`: compiled JavaScript in production, TypeScript under ts-node
 * (tests, benchmarks), where the worker must register ts-node itself.
 */
export function workerScript(callerFile: string, name: string): { file: string; execArgv?: string[] } {
  const ext = extname(callerFile);
  return {
    file: callerFile.replace(/[^/\\]+$/, `${name}${ext}`),
    execArgv: ext === '.ts' ? ['-r', 'ts-node/register/transpile-only'] : undefined,
  };
}

/**
 * A few worker threads running one script, each request sent to the least busy one. A thread that dies fails
 * every request still waiting, and the pool with them; an error thrown by the work fails only its request.
 */
export class WorkerPool<T, R> {
  private readonly workers: { worker: Worker; busy: number }[];
  private readonly waiting = new Map<number, { resolve: (r: R) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(
    script: { file: string; execArgv?: string[] },
    workerData: unknown,
    threads: number,
    private readonly what: string,
  ) {
    this.workers = Array.from({ length: Math.max(1, threads) }, () => {
      const worker = new Worker(script.file, { workerData, execArgv: script.execArgv });
      const entry = { worker, busy: 0 };
      worker.on('message', (reply: Reply<R>) => {
        entry.busy--;
        this.settle(reply);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => this.fail(new Error(`a ${what} thread stopped (exit code ${code})`)));
      return entry;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  run(payload: T): Promise<R> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const entry = this.workers.reduce((least, w) => (w.busy < least.busy ? w : least));
    entry.busy++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      entry.worker.postMessage({ id, payload } satisfies Request<T>);
    });
  }

  /** Stops the threads; requests still waiting fail. */
  async close(): Promise<void> {
    this.fail(new Error(`the ${this.what} pool is closed`));
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private settle(reply: Reply<R>): void {
    const waiter = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if ('error' in reply) waiter?.reject(new Error(`${this.what} failed in a worker: ${reply.error}`));
    else waiter?.resolve(reply.result);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}

/** The worker side: answers each request with `work`'s result, or with its error's message. */
export function serveWorkerRequests<T, R>(
  work: (payload: T) => R,
  transfer?: (result: R) => ArrayBuffer[],
): void {
  parentPort!.on('message', ({ id, payload }: Request<T>) => {
    let reply: Reply<R>;
    try {
      reply = { id, result: work(payload) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(reply, 'result' in reply && transfer ? transfer(reply.result) : undefined);
  });
}
