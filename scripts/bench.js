#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts in turn (each prints its own table with ratios to a baseline
// measured in the same run).
const { spawnSync } = require('node:child_process');
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const dir = join(__dirname, '..', 'bench');
// Some benchmarks run the compiled CLI, as operators do.
const build = spawnSync('npm', ['run', 'build', '--silent'], {
  stdio: 'inherit',
  cwd: join(__dirname, '..'),
});
if (build.status !== 0) process.exit(1);
let failed = 0;
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  console.log(`\n### ${file}`);
  const run = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(dir, file), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') },
    },
  );
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
