import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { listeningUrl } from '../../bench/support/listening-url';
import type { ScratchDatabase } from './databases';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './test-app';

const ROOT = join(__dirname, '..', '..');

/** What a service or command process of the tests runs with, besides its database. */
const PROCESS_ENV = {
  ENV_FILE: '/nonexistent',
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  JOBS_ENABLED: 'false',
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
  RATE_LIMIT_SELF_SERVICE_PER_MINUTE: '10000',
  RATE_LIMIT_PER_MINUTE: '1000000',
};

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A process of the app (server or CLI) run from the TypeScript sources, as `node dist/...` would run it. */
export interface AppProcess {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** null while it runs. */
  exit(): Exit | null;
  exited: Promise<Exit>;
  /** SIGKILL: no shutdown hook, no flush, no rollback — a power cut as the process sees it. */
  kill(): Promise<Exit>;
}

export function spawnApp(
  entry: 'src/main.ts' | 'src/cli/main.ts',
  args: string[],
  env: Record<string, string>,
) {
  // ts-node without type checking: the suite does not build dist/, and type errors are the typecheck's job.
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...PROCESS_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exit: Exit | null = null;
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve((exit = { code, signal }))),
  );
  const proc: AppProcess = {
    child,
    output: () => output,
    exit: () => exit,
    exited,
    kill: async () => {
      if (!exit) child.kill('SIGKILL');
      return exited;
    },
  };
  return proc;
}

/** `npm run cli -- …` as its own process, against the scratch database. */
export function cliProcess(
  db: ScratchDatabase,
  args: string[],
  env: Record<string, string> = {},
): AppProcess {
  return spawnApp('src/cli/main.ts', args, { ...db.env, ...env });
}

export interface ServerProcess extends AppProcess {
  url: string;
  /** A JSON request; the status and the parsed body ({} when there is none). */
  request(
    method: string,
    path: string,
    token?: string,
    body?: object,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  login(email: string, password: string): Promise<string>;
}

/** The service (`src/main.ts`) in its own process on a port the kernel picks; resolves once /health answers 200. */
export async function startServer(
  db: ScratchDatabase,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const proc = spawnApp('src/main.ts', [], {
    ...db.env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    ...env,
  });
  let url = '';
  const request: ServerProcess['request'] = async (method, path, token, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exit()) throw new Error(`the server exited before it answered:\n${proc.output()}`);
    url ||= listeningUrl(proc.output()) ?? '';
    const up =
      url !== '' &&
      (await fetch(`${url}/health`).then(
        (r) => r.status === 200,
        () => false,
      ));
    if (up) break;
    if (Date.now() > deadline) {
      await proc.kill();
      throw new Error(`the server did not answer /health within 120 s:\n${proc.output()}`);
    }
    await sleep(200);
  }
  const login = async (email: string, password: string) => {
    const res = await request('POST', '/api/v1/auth/login', undefined, { email, password });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return String(res.body.accessToken);
  };
  return { ...proc, url, request, login };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every `everyMs` until it returns true; false if `proc` ends or the time runs out first. */
export async function waitFor(
  probe: () => Promise<boolean>,
  proc: AppProcess,
  timeoutMs = 120_000,
  everyMs = 25,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !proc.exit()) {
    if (await probe()) return true;
    await sleep(everyMs);
  }
  return false;
}
