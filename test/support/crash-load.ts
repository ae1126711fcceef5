/** One write the service acknowledged: the id it answered with, and when the answer arrived. */
export interface Ack {
  id: string;
  at: number;
}

export interface WriteLoad {
  acked: Ack[];
  /** Writes that were answered with an error or never answered (the service was killed meanwhile). */
  failed: number;
  /** Stops sending and waits for the writes in flight (they may fail if the service is gone). */
  stop(): Promise<void>;
}

/**
 * `concurrency` loops, each sending one write after another until stopped. `write` resolves with the new row's
 * id on an acknowledged write and null otherwise. Time is performance.now(), comparable with `at`.
 */
export function startWriteLoad(write: (n: number) => Promise<string | null>, concurrency: number): WriteLoad {
  let running = true;
  let n = 0;
  const load: WriteLoad = { acked: [], failed: 0, stop: async () => undefined };
  const loop = async () => {
    while (running) {
      const id = await write(++n).catch(() => null);
      if (id) load.acked.push({ id, at: performance.now() });
      else load.failed++;
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  load.stop = async () => {
    running = false;
    await Promise.all(loops);
  };
  return load;
}
