// The app server of a benchmark run from the compiled app (dist/, built by `npm run bench`) in plain Node:
// its memory and CPU are then the app's own, not ts-node's (the TypeScript compiler alone is ~160 MB of RSS).
// The same protocol as the benchmark's own server role: the port sent to the parent once listening, any
// message from it then closes the app. The environment (DATA_DIR, DATABASE_URL, limits) comes from the parent.
const { join } = require('node:path');
const { setInterval } = require('node:timers');
const pino = require('pino');

(async () => {
  const { createApp } = require(join(__dirname, '..', '..', 'dist', 'bootstrap'));
  const app = await createApp({ logger: pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', () => {
    // A timer keeps the process up while close() waits for SQLite's unreferenced checkpoint worker.
    setInterval(() => undefined, 1000);
    void app.close().then(() => process.exit(0));
  });
  process.send({ port: Number(new URL(await app.getUrl()).port) });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
