/**
 * What the full stack (request id, helmet, throttler, auth guard with its session lookup, validation, problem
 * filter) costs per request, against a bare Fastify server measured in the same run on the same machine.
 * Prints requests/s and latency for each, and the ratio to the baseline.
 */
import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { fmt, recordResult } from './support/results';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
}

function get(agent: Agent, port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(performance.now() - started)
          : reject(new Error(`${path}: ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

async function load(
  name: string,
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  for (let i = 0; i < 200; i++) await get(agent, port, path, headers); // warm-up
  const latencies: number[] = [];
  const end = performance.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) latencies.push(await get(agent, port, path, headers));
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))];
  return { name, rps: latencies.length / (DURATION_MS / 1000), p50: q(0.5), p99: q(0.99) };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fc-bench-'));
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    ADMIN_EMAIL: 'bench@bench.example',
    ADMIN_PASSWORD: 'benchmark passphrase 2026',
    RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const baseline = Fastify({ logger: false });
  baseline.get('/health', async () => ({ status: 'ok' }));
  await baseline.listen({ port: 0, host: '127.0.0.1' });

  const { createApp } = await import('../src/bootstrap');
  const app = await createApp({ logger: pino({ level: 'silent' }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(await app.getUrl()).port);
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@bench.example', password: 'benchmark passphrase 2026' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };

  const base = await load(
    'bare Fastify GET /health (baseline)',
    (baseline.server.address() as { port: number }).port,
    '/health',
  );
  const results = [
    base,
    await load('family-card GET /health (database round-trip)', port, '/health'),
    await load('family-card GET /api/v1/auth/me (guard + session + user)', port, '/api/v1/auth/me', {
      authorization: `Bearer ${accessToken}`,
    }),
  ];
  await app.close();
  await baseline.close();
  rmSync(dataDir, { recursive: true, force: true });

  console.log(`\nHTTP stack, ${CONCURRENCY} connections, ${DURATION_MS} ms each, SQLite`);
  console.log('| metric | req/s | p50 ms | p99 ms | throughput vs baseline |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${(r.rps / base.rps).toFixed(2)} |`,
    );
  }
  for (const r of results.slice(1))
    recordResult({
      bench: 'http-stack',
      engine: 'sqlite',
      metric: `${r.name}, req/s`,
      value: fmt.perSecond(r.rps),
      baseline: fmt.perSecond(base.rps),
      ratio: r.rps / base.rps,
      goal: '—',
      met: null,
    });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
