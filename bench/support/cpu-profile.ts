/**
 * Where a process spent its CPU, from a V8 CPU profile (`.cpuprofile`): time by package (the app's own src/,
 * each node_modules package, Node internals, native code such as SQLite under better-sqlite3, the garbage
 * collector), the functions with the most self time, and the app's own functions with the most time including
 * what they call. Idle time is left out of the shares. An async function's time after an `await` counts under
 * the function itself but not under its caller (the microtask that resumes it has no caller on the stack).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const where = (url: string) =>
  url.replace(/^file:\/\//, '').replace(/^.*?\/(src|node_modules|bench)\//, '$1/');

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'}${url ? ` ${where(url)}:${lineNumber + 1}` : ''}`;
}

function packageOf(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : `(native: ${functionName})`;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1];
  if (url.includes('/src/')) return 'src (the app)';
  return url.startsWith('node:') ? 'node (internals)' : where(url);
}

export function summarizeProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const packages = new Map<string, number>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  let busy = 0;
  profile.samples.forEach((id, i) => {
    // The delta before the next sample is the time this one stands for.
    const us = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    busy += us;
    add(packages, packageOf(node), us);
    add(self, label(node), us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      if (!frame.callFrame.url.includes('/src/')) continue;
      const key = label(frame);
      if (!seen.has(key)) add(inclusive, key, us); // recursion counts once
      seen.add(key);
    }
  });
  const table = (title: string, entries: Map<string, number>) =>
    [
      `| ${title} | ms | share of busy |`,
      '|---|---:|---:|',
      ...[...entries]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([key, us]) => `| ${key} | ${(us / 1000).toFixed(0)} | ${((us / busy) * 100).toFixed(1)} % |`),
    ].join('\n');
  return [
    `Busy (not idle): ${(busy / 1e6).toFixed(1)} s`,
    '',
    table('by package (self time)', packages),
    '',
    table('function (self time)', self),
    '',
    table('the app’s own function, with what it calls', inclusive),
  ].join('\n');
}
