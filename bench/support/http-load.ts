/**
 * A small HTTP/1.1 load generator over raw keep-alive sockets, for benchmarks that compare an app with a bare
 * server in the same run. Requests are prepared as whole byte strings and responses are framed by their
 * Content-Length (or chunked terminator) without a full HTTP parser, so the client spends far less CPU per
 * request than either server and does not cap the baseline's figure. Two modes:
 *
 * - closed loop (`closedLoop`): N connections, each sends its next request when the previous answer arrived;
 *   the maximum throughput at that concurrency.
 * - open loop (`openLoop`): requests start on a fixed schedule whatever the answers do; latency is measured
 *   from the scheduled start, so a stall delays every request queued behind it and shows in the percentiles
 *   (no coordinated omission).
 */
import { connect, Socket } from 'node:net';

export interface Answer {
  status: number;
  body: Buffer;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  max: number;
  /** Answers by status code. */
  statuses: Record<number, number>;
  /** Share of one core the client used meanwhile: near 1 means the client, not the server, set the pace. */
  clientCpu: number;
}

/** `POST path` with a JSON body, as bytes ready to write. */
export function jsonPost(
  port: number,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Buffer {
  const payload = Buffer.from(JSON.stringify(body));
  const head =
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    `Content-Length: ${payload.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), payload]);
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CHUNKED_END = Buffer.from('0\r\n\r\n');

/** One keep-alive connection carrying one request at a time. */
class Connection {
  private socket: Socket | null = null;
  private buffered: Buffer = Buffer.alloc(0);
  private pending: { resolve: (answer: Answer) => void; reject: (error: Error) => void } | null = null;
  private wantBody = false;

  constructor(private readonly port: number) {}

  send(request: Buffer): Promise<Answer> {
    if (this.pending) throw new Error('one request at a time per connection');
    return new Promise<Answer>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.buffered = Buffer.alloc(0);
      (this.socket ?? this.open()).write(request);
    });
  }

  /** Keep response bodies (for answers the benchmark reads, e.g. a check's id); otherwise only the status. */
  keepBodies(keep: boolean): this {
    this.wantBody = keep;
    return this;
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private open(): Socket {
    const socket = connect({ host: '127.0.0.1', port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    const fail = (error: Error) => {
      if (this.socket === socket) this.socket = null;
      const pending = this.pending;
      this.pending = null;
      pending?.reject(error);
    };
    socket.on('error', fail);
    // The server may close an idle keep-alive connection; the next request opens a new one.
    socket.on('close', () => fail(new Error('connection closed by the server')));
    this.socket = socket;
    return socket;
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const end = this.buffered.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.buffered.subarray(0, end).toString('latin1');
    const bodyStart = end + HEADER_END.length;
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let bodyEnd: number;
    if (length) {
      bodyEnd = bodyStart + Number(length[1]);
      if (this.buffered.length < bodyEnd) return;
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const at = this.buffered.indexOf(CHUNKED_END, bodyStart);
      if (at < 0) return;
      bodyEnd = at + CHUNKED_END.length;
    } else {
      bodyEnd = bodyStart; // 204 / 304: no body
    }
    const body = this.wantBody ? Buffer.from(this.buffered.subarray(bodyStart, bodyEnd)) : Buffer.alloc(0);
    this.buffered = Buffer.alloc(0);
    const pending = this.pending;
    this.pending = null;
    if (/\r\nconnection:\s*close/i.test(head)) this.close();
    pending?.resolve({ status, body });
  }
}

function summarize(latencies: number[], seconds: number, statuses: Record<number, number>, cpu: number) {
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] : NaN;
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies.length ? latencies[latencies.length - 1] : NaN,
    statuses,
    clientCpu: cpu,
  };
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

/** One server, or several (instances behind one load generator): connections are spread over them in turn. */
export type Ports = number | number[];
const portOf = (ports: Ports, k: number) => (Array.isArray(ports) ? ports[k % ports.length] : ports);

export interface ClosedLoopOptions {
  port: Ports;
  connections: number;
  /** Stop after this long, or after `limit` requests, whichever comes first. */
  durationMs: number;
  limit?: number;
  /** The i-th request to send (i counts from 0 across all connections). */
  request: (i: number) => Buffer;
  /** Called with every answer; bodies are kept only when this is given. */
  onAnswer?: (i: number, answer: Answer) => void;
}

/** As many requests as `connections` connections carry, each waiting for its answer before the next. */
export async function closedLoop(options: ClosedLoopOptions): Promise<LoadResult> {
  const limit = options.limit ?? Infinity;
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const end = started + options.durationMs;
  let next = 0;
  await Promise.all(
    Array.from({ length: options.connections }, async (_, k) => {
      const connection = new Connection(portOf(options.port, k)).keepBodies(Boolean(options.onAnswer));
      try {
        while (next < limit && performance.now() < end) {
          const i = next++;
          const sent = performance.now();
          const answer = await connection.send(options.request(i));
          latencies.push(performance.now() - sent);
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          options.onAnswer?.(i, answer);
        }
      } finally {
        connection.close();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return summarize(latencies, seconds, statuses, cpuSeconds(cpu) / seconds);
}

export interface OpenLoopOptions {
  port: Ports;
  /** Requests started per second. */
  rate: number;
  durationMs: number;
  /** Connections are opened as needed up to this many; beyond it requests wait (and that wait counts). */
  maxConnections: number;
  request: (i: number) => Buffer;
}

/** Requests started at `rate` per second on schedule; latency from each request's scheduled start. */
export async function openLoop(options: OpenLoopOptions): Promise<LoadResult> {
  const total = Math.round((options.rate * options.durationMs) / 1000);
  const interval = 1000 / options.rate;
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  const idle: Connection[] = [];
  const all: Connection[] = [];
  const queue: { i: number; due: number }[] = [];
  const cpu = process.cpuUsage();
  let done = 0;
  let failure: Error | null = null;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const dispatch = () => {
    while (queue.length) {
      let connection = idle.pop();
      if (!connection && all.length < options.maxConnections) {
        connection = new Connection(portOf(options.port, all.length));
        all.push(connection);
      }
      if (!connection) return;
      const { i, due } = queue.shift()!;
      const using = connection;
      using.send(options.request(i)).then(
        (answer) => {
          latencies.push(performance.now() - due);
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          idle.push(using);
          if (++done === total) finish();
          else dispatch();
        },
        (error: Error) => {
          failure ??= error;
          finish();
        },
      );
    }
  };

  const started = performance.now();
  let scheduled = 0;
  // A timer wakes about every millisecond and starts every request whose time has come; a late wake-up
  // only makes those requests look slower (their clock started on schedule), never faster.
  const tick = () => {
    const now = performance.now();
    while (scheduled < total && started + scheduled * interval <= now) {
      queue.push({ i: scheduled, due: started + scheduled * interval });
      scheduled++;
    }
    dispatch();
    if (scheduled < total && !failure) setTimeout(tick, 1);
  };
  tick();
  await finished;
  const seconds = (performance.now() - started) / 1000;
  for (const connection of all) connection.close();
  if (failure) throw failure;
  return summarize(latencies, seconds, statuses, cpuSeconds(cpu) / seconds);
}
