import { collectDefaultMetrics, Registry } from 'prom-client';

let shared: Registry | undefined;

/**
 * Memory, CPU, event-loop lag, GC and handles belong to the process, not to one Nest app: collected once per
 * process (the collectors install observers that are never removed) and shown by every app's /metrics.
 */
export function processRegistry(): Registry {
  if (!shared) {
    shared = new Registry();
    collectDefaultMetrics({ register: shared });
  }
  return shared;
}
